"""The text inside a registered file: what search indexes and the privacy step reads.

PDF pages, annotations and form fields through pypdf (text_pdf.py); plain text and CSV
decoded; Word, Excel and OpenDocument files from their XML parts (text_office.py). Images
and scanned pages have no text: the privacy step then needs a human look, and so does a
file that could be read only in part (`Extracted.complete` is False).
"""

import codecs
from dataclasses import dataclass
from typing import IO

from kansli.core.uploads import CSV, PDF, TEXT

from .text_office import OFFICE_TYPES, office_text
from .text_pdf import pdf_text

# A bound on what is kept, so that a huge upload cannot fill the database (10 M characters).
MAX_TEXT = 10_000_000


@dataclass(frozen=True)
class Extracted:
    """A file's text, and whether all of it was read. Not complete: a PDF page gave no text
    (a scan), a part of the file was broken or too large, or the text was cut at MAX_TEXT.
    Whatever was not read has not been checked for personal data."""

    text: str
    complete: bool


def extract_text(stream: IO[bytes], content_type: str) -> Extracted | None:
    """The file's text, or None when it has none that can be read (an image, a scan, a
    broken file)."""
    try:
        if content_type == PDF.content_type:
            text, complete = pdf_text(stream, MAX_TEXT)
        elif content_type in (TEXT.content_type, CSV.content_type):
            text, complete = _plain_text(stream)
        elif content_type in OFFICE_TYPES:
            text, complete = office_text(stream, content_type, MAX_TEXT)
        else:
            return None
    except Exception:
        # Deliberately broad: pypdf, zipfile and the XML parser raise many kinds of error
        # on a damaged upload. A file that cannot be read has no text, and the privacy step
        # then waits for a person; the background task must never stop here.
        return None
    # No NUL (PostgreSQL refuses it) and no lone surrogate (not encodable) reach the database.
    text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    if len(text) > MAX_TEXT:
        text, complete = text[:MAX_TEXT], False
    return Extracted(text=text, complete=complete) if text.strip() else None


def _plain_text(stream: IO[bytes]) -> tuple[str, bool]:
    """UTF-8, or Windows-1252 (what Excel in Sweden saves a CSV file as) when not UTF-8."""
    limit = MAX_TEXT * 4
    data = stream.read(limit + 1)
    complete = len(data) <= limit
    data = data[:limit]
    try:
        # not final: a character cut at the limit is dropped, not taken for another encoding
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=False), complete
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), complete
