"""Files built to explode when read: zip bombs (a small file that expands to gigabytes,
overlapping entries, thousands of parts) and XML bombs (entity expansion, billion laughs).
Each is recognised from what the file declares, before anything is expanded, and refused
with a reason a reviewer understands; such a file is then reviewed by a person.

The reasons are Swedish: they are shown on the review page."""

import itertools
import re
import zipfile
from typing import IO

from kansli.core.formatting import format_number

# A zip may hold at most this many entries (an Office file has tens).
MAX_ENTRIES = 5_000
# Together its entries may expand to at most this many bytes…
MAX_EXPANDED = 500 * 1024 * 1024
# …and an entry larger than LARGE_ENTRY may expand at most MAX_RATIO times its compressed
# size (XML compresses about 5–20 times; a bomb thousands of times).
MAX_RATIO = 100
LARGE_ENTRY = 10 * 1024 * 1024
# The XML prologue (declaration, comments) before the first element is looked at up to here.
PROLOGUE_BYTES = 64 * 1024

_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_ELEMENT = re.compile(rb"<[A-Za-z_]")


class Refused(Exception):
    """A file not read at all, with the reason why (Swedish)."""


def cut_reason(limit: int) -> str:
    return (
        f"Texten är längre än {format_number(limit)} tecken; resten av filen har inte lästs "
        "automatiskt."
    )


def zip_refusal(archive: zipfile.ZipFile) -> str | None:
    """Why a zip (an Office file) must not be expanded, or None when it may."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        return (
            f"Filen består av {format_number(len(entries))} delar (högst "
            f"{format_number(MAX_ENTRIES)} läses) – en möjlig zip-bomb."
        )
    expanded = sum(entry.file_size for entry in entries)
    if expanded > MAX_EXPANDED:
        return (
            f"Filen packas upp till {format_number(expanded // (1024 * 1024))} MB – en möjlig "
            "zip-bomb."
        )
    for entry in entries:
        if entry.file_size > LARGE_ENTRY and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            ratio = entry.file_size // max(entry.compress_size, 1)
            return (
                f"Delen {entry.filename[:80]} packas upp till {format_number(ratio)} gånger sin "
                "storlek – en möjlig zip-bomb."
            )
    if _overlapping(entries):
        return "Filens delar överlappar varandra – en möjlig zip-bomb."
    return None


def _overlapping(entries: list[zipfile.ZipInfo]) -> bool:
    """Entries that share their compressed bytes: the trick of the densest zip bombs. An
    entry's local header starts at header_offset; its data ends compress_size (plus the
    header, at least 30 bytes and the name) further on."""
    spans = sorted(
        (entry.header_offset, entry.header_offset + 30 + entry.compress_size) for entry in entries
    )
    return any(start < end for (_, end), (start, _) in itertools.pairwise(spans))


class Prologue:
    """A part's stream that first checks its XML prologue: a document type declaration
    (where entities are declared) is refused. Office XML never has one; every XML bomb
    needs one."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self._stream = stream
        head = stream.read(PROLOGUE_BYTES)
        element = _ELEMENT.search(head)
        declared = _DOCTYPE.search(head, 0, element.start() if element else len(head))
        if declared is not None:
            raise Refused(
                f"Delen {name[:80]} deklarerar egna entiteter (DOCTYPE) – en möjlig XML-bomb."
            )
        self._head = head

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self._stream.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._stream.read(size)
