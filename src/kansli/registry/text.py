"""The text inside a registered file: what search indexes and the privacy step reads.

PDF pages through pypdf; plain text and CSV decoded; Word and OpenDocument files from their
XML. Images and scanned PDFs have no text: the privacy step then needs a human look.
"""

import zipfile
from typing import IO
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from kansli.core.uploads import CSV, DOCX, ODS, ODT, PDF, TEXT, XLSX

# A bound on what is kept, so that a huge upload cannot fill the database (10 M characters).
MAX_TEXT = 10_000_000
_ZIP_PARTS = {
    DOCX.content_type: ("word/document.xml",),
    XLSX.content_type: ("xl/sharedStrings.xml",),
    ODT.content_type: ("content.xml",),
    ODS.content_type: ("content.xml",),
}
# paragraphs (Word w:p, OpenDocument text:p/text:h) and shared strings of a workbook (si)
_BLOCKS = frozenset({"p", "h", "si"})


def extract_text(stream: IO[bytes], content_type: str) -> str | None:
    """The file's text, or None when it has none that can be read (an image, a scan, a
    broken file)."""
    try:
        if content_type == PDF.content_type:
            text = _pdf_text(stream)
        elif content_type in (TEXT.content_type, CSV.content_type):
            text = stream.read(MAX_TEXT * 4).decode("utf-8", errors="replace")
        elif content_type in _ZIP_PARTS:
            text = _xml_text(stream, _ZIP_PARTS[content_type])
        else:
            return None
    except (PyPdfError, ValueError, OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    text = text.replace("\x00", "")[:MAX_TEXT]
    return text if text.strip() else None


def _pdf_text(stream: IO[bytes]) -> str:
    reader = PdfReader(stream)
    pages = []
    size = 0
    for page in reader.pages:
        page_text = page.extract_text() or ""
        pages.append(page_text)
        size += len(page_text)
        if size > MAX_TEXT:
            break
    return "\n\f\n".join(pages)


def _xml_text(stream: IO[bytes], parts: tuple[str, ...]) -> str:
    """Text of an office file's XML part: element text joined, a line break after each
    paragraph or row. The XML comes from an upload: ElementTree does not resolve external
    entities, and the part's size is bounded before parsing."""
    lines: list[str] = []
    with zipfile.ZipFile(stream) as archive:
        for name in parts:
            info = archive.getinfo(name)
            if info.file_size > MAX_TEXT * 4:
                raise ValueError("part too large")
            root = ElementTree.fromstring(archive.read(name))  # noqa: S314 - no entities expanded
            for element in root.iter():
                if element.tag.rsplit("}", 1)[-1] in _BLOCKS:
                    lines.append("".join(element.itertext()))
    return "\n".join(lines)
