"""The box: an uploaded file's text is read in a separate process, with limits on time,
memory and output decided from the file's size, so that a hostile file cannot take the
worker (or the database it would hold) down with it.

The parent runs `python -m kansli.registry.text_child CONTENT_TYPE CHARACTERS PAGES SECONDS
MEMORY` with the file as standard input. The child confines itself (CPU seconds, address
space, no file written) before it reads a byte, then writes one line of JSON (why the text
is not complete, the page count of a PDF) and the text. A child past a limit is killed, and
the file is marked for a person's review with the reason; nothing it read is taken as
complete.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models.fields.files import FieldFile

from kansli.core.formatting import format_number

from .text import Extracted
from .text_child import MEMORY_EXIT

MB = 1024 * 1024


@dataclass(frozen=True)
class BoxLimits:
    """What one reading may take: wall-clock seconds (CPU seconds too), bytes of address
    space, characters of text and pages of a PDF."""

    seconds: int
    memory: int
    characters: int
    pages: int


def box_limits(*, real: int, declared: int) -> BoxLimits:
    """Limits for a file of `real` bytes that declares it holds `declared` bytes (a zip's
    entries expanded; the file's own size otherwise): a bigger file gets more time and
    memory, up to the installation's ceilings (KANSLI_EXTRACT_*), and text in proportion to
    what it really holds, so that a small file cannot produce millions of characters."""
    size = max(real, min(declared, 4 * real + 10 * MB))
    seconds = min(settings.KANSLI_EXTRACT_MAX_SECONDS, 20 + 2 * (size // MB))
    memory = min(settings.KANSLI_EXTRACT_MAX_MEMORY, 768 * MB + 8 * size)
    characters = min(settings.KANSLI_EXTRACT_MAX_CHARACTERS, max(1_000_000, 20 * real))
    return BoxLimits(seconds, memory, characters, settings.KANSLI_EXTRACT_MAX_PAGES)


def declared_size(path: Path, real: int) -> int:
    """What the file says it expands to: the sum of a zip's entries, else its size."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return real


@dataclass(frozen=True)
class Reading:
    """What the box gives back: the text (None when the file has none) and a PDF's pages."""

    extracted: Extracted | None
    pages: int | None = None


def read_boxed(file: FieldFile, content_type: str) -> Reading:
    """Read a stored file's text in the box."""
    with _local_path(file) as path:
        real = path.stat().st_size
        limits = box_limits(real=real, declared=declared_size(path, real))
        return _run(path, content_type, limits)


def _run(path: Path, content_type: str, limits: BoxLimits) -> Reading:
    command = [
        sys.executable,
        "-m",
        "kansli.registry.text_child",
        content_type,
        str(limits.characters),
        str(limits.pages),
        str(limits.seconds + 1),
        str(limits.memory),
    ]
    with path.open("rb") as stdin:
        child = subprocess.Popen(  # noqa: S603 - our own module, arguments we made
            command,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        try:
            output, _ = child.communicate(timeout=limits.seconds)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            return _refused(_too_slow(limits))
    if child.returncode == MEMORY_EXIT:
        return _refused(_too_big(limits))
    if child.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return _refused(_too_slow(limits))
    if child.returncode != 0:
        return _refused("Filen kunde inte läsas automatiskt: läsningen avbröts.")
    head, _, text = output.partition(b"\n")
    result = json.loads(head)
    if result["none"]:
        return Reading(None, result["pages"])
    reason = result["reason"]
    extracted = Extracted(text=text.decode("utf-8"), complete=not reason, reason=reason)
    return Reading(extracted, result["pages"])


def _refused(reason: str) -> Reading:
    return Reading(Extracted(text="", complete=False, reason=reason))


def _too_slow(limits: BoxLimits) -> str:
    return (
        f"Filen tog mer än {format_number(limits.seconds)} sekunder att läsa och har inte "
        "lästs automatiskt."
    )


def _too_big(limits: BoxLimits) -> str:
    return (
        f"Filen krävde mer än {format_number(limits.memory // MB)} MB minne för att läsas och "
        "har inte lästs automatiskt."
    )


@contextmanager
def _local_path(file: FieldFile) -> Iterator[Path]:
    """The stored file as a local path: itself on the file system, else a temporary copy."""
    try:
        yield Path(file.path)
        return
    except NotImplementedError:
        pass
    with tempfile.NamedTemporaryFile(prefix="kansli-box-") as copy, file.open("rb") as handle:
        shutil.copyfileobj(handle, copy)
        copy.flush()
        yield Path(copy.name)
