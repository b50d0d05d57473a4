"""Typst rendering: templates get their data only as JSON through sys.inputs.

No text a user typed is ever placed into Typst source; the templates read
`json(bytes(sys.inputs.at("data")))` and place strings with text(). Fonts are Typst's
embedded ones and the Debian Noto fonts in FONT_DIRS, never the machine's other fonts, so a
PDF looks the same on every machine that has the packages (decision 0012). Any string
renders: text is cleaned as at the service boundary (core.text), and what no font draws is
printed as U+FFFD, since PDF/A forbids a glyph the font lacks.
"""

import datetime
import functools
import hashlib
import json
import re
import threading
import unicodedata
from pathlib import Path
from typing import Any, Final

import typst

from .text import clean_text

# Templates import each other by absolute path from the package root: "/memos/typst/…".
ROOT = Path(__file__).resolve().parent.parent
PDF_STANDARD: Final = "a-2b"
# Debian's fonts-noto-core and fonts-noto-color-emoji, and fonts-noto-cjk
# (scripts/ensure-fonts.sh installs them). The chain itself is in memos/typst/style.typ.
FONT_DIRS: Final = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto")
REPLACEMENT: Final = "\ufffd"
# Rounds of replacing what no font draws; each round replaces every piece Typst reported.
_ROUNDS: Final = 3

_local = threading.local()
_UNDRAWN = re.compile(r'the text `"((?:[^"\\]|\\.)*)"` could not be displayed with font')
_ERROR = re.compile(r"^error:", re.M)
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|.)")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0"}


@functools.cache
def fonts() -> typst.Fonts:
    """The fonts every compiler shares, found once per process."""
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=True,
        font_paths=[path for path in FONT_DIRS if Path(path).is_dir()],
    )


def _compiler() -> typst.Compiler:
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        compiler = typst.Compiler(root=str(ROOT), font_paths=fonts(), ignore_system_fonts=True)
        _local.compiler = compiler
    return compiler


def render_pdf(
    template: str, data: dict[str, Any], *, pdf_a: bool = True, tagged: bool = True
) -> bytes:
    """Compile a template (a path relative to the package, e.g. "memos/typst/memo-main.typ")
    with `data` as its only input. PDF/A-2b unless told otherwise; `tagged=False` leaves
    out the structure tree (for a frame whose pages are rearranged afterwards)."""
    data = printable(data)
    for round_ in range(_ROUNDS + 1):
        try:
            return _compile(template, data, pdf_a=pdf_a, tagged=tagged)
        except typst.TypstError as error:
            undrawn = _undrawn(error)
            if not undrawn or round_ == _ROUNDS:
                raise
            replaced = _replaced(data, undrawn)
            if replaced == data:
                raise
            data = replaced
    raise AssertionError("unreachable")


def _compile(template: str, data: Any, *, pdf_a: bool, tagged: bool) -> bytes:
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


def printable(data: Any) -> Any:
    """`data` with every string (keys too) cleaned as user text is at the boundary."""
    if isinstance(data, str):
        return clean_text(data)
    if isinstance(data, dict):
        return {printable(key): printable(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [printable(value) for value in data]
    return data


def _undrawn(error: typst.TypstError) -> list[str]:
    """The pieces of text no font drew, when those are all the errors; else nothing."""
    report = error.diagnostic or str(error)
    pieces = [_unescape(found) for found in _UNDRAWN.findall(report)]
    if not pieces or len(pieces) != max(1, len(_ERROR.findall(report))):
        return []
    return sorted(set(pieces), key=len, reverse=True)


def _unescape(text: str) -> str:
    """Typst writes the text as Rust debug output: \\u{7}, \\n, \\", \\\\."""

    def one(match: re.Match[str]) -> str:
        escape = match[1]
        if escape.startswith("u{"):
            return chr(int(escape[2:-1], 16))
        return _ESCAPES.get(escape, escape)

    return _ESCAPE.sub(one, text)


def _replaced(data: Any, pieces: list[str]) -> Any:
    """`data` with each piece replaced by REPLACEMENT. Typst names a cluster by its base
    alone when the marks on it are what no font has (" " for a space with a Znamenny mark):
    a piece of ASCII is kept, and the marks after it are replaced. A piece not found as it
    stands (Typst changed the text around it) has its characters beyond ASCII replaced."""
    if isinstance(data, dict):
        return {key: _replaced(value, pieces) for key, value in data.items()}
    if isinstance(data, list):
        return [_replaced(value, pieces) for value in data]
    if not isinstance(data, str):
        return data
    for piece in pieces:
        if piece.isascii():
            data = _marks_replaced(data, piece)
        elif piece in data:
            data = data.replace(piece, REPLACEMENT)
        else:
            for char in piece:
                if not char.isascii() and char != REPLACEMENT:
                    data = data.replace(char, REPLACEMENT)
    return data


def _marks_replaced(text: str, base: str) -> str:
    """`text` with each run of combining marks (and joiners) after `base` replaced."""
    parts: list[str] = []
    start = 0
    at = text.find(base)
    while at != -1:
        end = at + len(base)
        marks = end
        while marks < len(text) and _joins(text[marks]):
            marks += 1
        if marks > end:
            parts.append(text[start:end] + REPLACEMENT)
            start = marks
        at = text.find(base, max(marks, end))
    return "".join(parts) + text[start:]


def _joins(char: str) -> bool:
    return unicodedata.category(char).startswith("M") or char in "\u200c\u200d"


@functools.cache
def template_fingerprint() -> str:
    """A digest of every Typst file under the package, so that changed templates rebuild
    cached output."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/typst/*.typ")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
