"""The kinds of file Kansli accepts: a name for people, the content type, the extensions.
Imports nothing but the standard library, so that the text box's child process
(registry/text_child.py) can use it without starting Django."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileKind("PDF", "application/pdf", (".pdf",))
DOCX = FileKind(
    "Word-dokument",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = FileKind(
    "Excel-arbetsbok",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
)
ODT = FileKind("OpenDocument-text", "application/vnd.oasis.opendocument.text", (".odt",))
ODS = FileKind(
    "OpenDocument-kalkylblad", "application/vnd.oasis.opendocument.spreadsheet", (".ods",)
)
PNG = FileKind("PNG-bild", "image/png", (".png",))
JPEG = FileKind("JPEG-bild", "image/jpeg", (".jpg", ".jpeg"))
TEXT = FileKind("textfil", "text/plain", (".txt",))
CSV = FileKind("CSV-fil", "text/csv", (".csv",))

KINDS = (PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, TEXT, CSV)
