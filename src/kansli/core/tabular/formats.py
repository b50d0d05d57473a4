"""What an uploaded table's bytes are, judged by their content (never by the file's name):
an Excel workbook (.xlsx), text to decode as CSV, or something to refuse with a message that
says what it is and what to do."""

import enum
import io

from kansli.core.file_kinds import DOCX, JPEG, ODS, ODT, PDF, PNG, XLSX
from kansli.core.uploads import detect_kind

from .decoding import SAVE_AS
from .problem import Problem

ZIP_MAGIC = b"PK\x03\x04"
# Compound File Binary (OLE2): Excel 97–2003 (.xls), Word 97–2003, and password-protected
# Office files of any age.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF_BYTES = 8192
_SAVE_AS_LOWER = SAVE_AS[0].lower() + SAVE_AS[1:]
_CHOOSE = "Välj en CSV-fil eller en Excel-arbetsbok (.xlsx)."


class Format(enum.Enum):
    TEXT = "text"
    XLSX = "xlsx"


def sniff_format(data: bytes, filename: str | None = None) -> Format | Problem:
    if data.startswith(OLE_MAGIC):
        old = "en äldre Excel-fil (.xls)" if _suffix(filename) == ".xls" else None
        what = old or "ett äldre Office-dokument (till exempel en .xls-fil från Excel 97–2003)"
        return Problem(
            None,
            f"Filen är {what} eller en lösenordsskyddad arbetsbok, som Kansli inte läser. "
            "Spara den som Excel-arbetsbok (.xlsx) utan lösenord, eller som ”CSV UTF-8”, och "
            "läs in den igen.",
        )
    if not data.startswith((ZIP_MAGIC, b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return Format.TEXT
    kind = detect_kind(data[:_SNIFF_BYTES], io.BytesIO(data))
    if kind is XLSX:
        return Format.XLSX
    if kind is ODS:
        return Problem(
            None,
            "Filen är ett OpenDocument-kalkylblad (.ods). Spara den som Excel-arbetsbok (.xlsx) "
            f"eller {_SAVE_AS_LOWER}",
        )
    if kind is PDF:
        return Problem(None, f"Filen är en PDF, inte en tabell. {_CHOOSE}")
    if kind in (PNG, JPEG) or data.startswith(b"GIF8"):
        return Problem(None, f"Filen är en bild, inte en tabell. {_CHOOSE}")
    if kind in (DOCX, ODT):
        return Problem(None, f"Filen är ett textdokument, inte en tabell. {_CHOOSE}")
    return Problem(
        None,
        "Filen är ett zip-arkiv som inte är en Excel-arbetsbok, eller en trasig arbetsbok. "
        f"Öppna den i Excel och spara den igen som Excel-arbetsbok (.xlsx) eller {_SAVE_AS_LOWER}",
    )


def _suffix(filename: str | None) -> str:
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].casefold() if "." in name else ""
