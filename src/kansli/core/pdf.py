"""Typst rendering: templates get their data only as JSON through sys.inputs.

No text a user typed is ever placed into Typst source; the templates read
`json(bytes(sys.inputs.at("data")))` and place strings with text(). Fonts are Typst's
embedded ones only, so a PDF looks the same on every machine.
"""

import datetime
import functools
import hashlib
import json
import threading
from pathlib import Path
from typing import Any, Final

import typst

# Templates import each other by absolute path from the package root: "/memos/typst/…".
ROOT = Path(__file__).resolve().parent.parent
PDF_STANDARD: Final = "a-2b"

_local = threading.local()


def _compiler() -> typst.Compiler:
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        compiler = typst.Compiler(root=str(ROOT), ignore_system_fonts=True)
        _local.compiler = compiler
    return compiler


def render_pdf(
    template: str, data: dict[str, Any], *, pdf_a: bool = True, tagged: bool = True
) -> bytes:
    """Compile a template (a path relative to the package, e.g. "memos/typst/memo-main.typ")
    with `data` as its only input. PDF/A-2b unless told otherwise; `tagged=False` leaves
    out the structure tree (for a frame whose pages are rearranged afterwards)."""
    result = _compiler().compile(
        str(ROOT / template),
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
        pdf_standards=[PDF_STANDARD] if pdf_a else [],
        timestamp=datetime.datetime.now(datetime.UTC).replace(microsecond=0),
        pdf_tags=tagged,
    )
    if not isinstance(result, bytes):  # only when an output path is given
        raise TypeError("Typst returned no PDF")
    return result


@functools.cache
def template_fingerprint() -> str:
    """A digest of every Typst file under the package, so that changed templates rebuild
    cached output."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/typst/*.typ")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
