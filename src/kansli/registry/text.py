"""The text inside a registered file: what search indexes and the privacy step reads.

PDF pages, annotations and form fields through pypdf (text_pdf.py); plain text and CSV
decoded; Word, Excel and OpenDocument files from their XML parts (text_office.py). Images
and scanned pages have no text: the privacy step then needs a human look, and so does a
file that could be read only in part (`Extracted.complete` is False).
"""

import codecs
from dataclasses import dataclass
from typing import IO

from kansli.core.file_kinds import CSV, PDF, TEXT

from .text_bombs import Refused, cut_reason
from .text_office import OFFICE_TYPES, office_text
from .text_pdf import MAX_PAGES, pdf_text

# A bound on what is kept, so that a huge upload cannot fill the database (10 M characters);
# the box (text_box.py) sets a smaller one from the file's size.
MAX_TEXT = 10_000_000


@dataclass(frozen=True)
class Extracted:
    """A file's text, and whether all of it was read. Not complete: a PDF page gave no text
    (a scan), a part of the file was broken or too large, or the text was cut at MAX_TEXT.
    Whatever was not read has not been checked for personal data."""

    text: str
    complete: bool
    # Why it is not complete, for the reviewer (Swedish); empty when complete.
    reason: str = ""


def readable(content_type: str) -> bool:
    """Whether files of the type have text Kansli reads."""
    return content_type in _READABLE


_READABLE = frozenset({PDF.content_type, TEXT.content_type, CSV.content_type, *OFFICE_TYPES})


def extract_text(
    stream: IO[bytes], content_type: str, *, limit: int = MAX_TEXT, max_pages: int = MAX_PAGES
) -> Extracted | None:
    """The file's text, at most `limit` characters, or None when it has none that can be
    read (an image, a scan, a broken file). A file refused before it is read (a zip or XML
    bomb) has no text and its reason."""
    try:
        if content_type == PDF.content_type:
            text, reason = pdf_text(stream, limit, max_pages)
        elif content_type in (TEXT.content_type, CSV.content_type):
            text, reason = _plain_text(stream, limit)
        elif content_type in OFFICE_TYPES:
            text, reason = office_text(stream, content_type, limit)
        else:
            return None
    except Refused as refusal:
        return Extracted(text="", complete=False, reason=str(refusal))
    except Exception:
        # Deliberately broad: pypdf, zipfile and the XML parser raise many kinds of error
        # on a damaged upload. A file that cannot be read has no text, and the privacy step
        # then waits for a person; the background task must never stop here.
        return None
    # No NUL (PostgreSQL refuses it) and no lone surrogate (not encodable) reach the database.
    text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    if len(text) > limit:
        text, reason = text[:limit], reason or cut_reason(limit)
    if not text.strip():
        # no text; and when something was not read, why (a reviewer needs to know)
        return Extracted(text="", complete=False, reason=reason) if reason else None
    return Extracted(text=text, complete=not reason, reason=reason)


def _plain_text(stream: IO[bytes], limit: int) -> tuple[str, str]:
    """UTF-8, or Windows-1252 (what Excel in Sweden saves a CSV file as) when not UTF-8."""
    size = limit * 4
    data = stream.read(size + 1)
    reason = "" if len(data) <= size else cut_reason(limit)
    data = data[:size]
    try:
        # not final: a character cut at the limit is dropped, not taken for another encoding
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=False), reason
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), reason
