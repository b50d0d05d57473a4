"""The first sheet of an Excel workbook (.xlsx) as rows of text, read with openpyxl.

Each cell becomes the text a CSV export would hold: numbers with a decimal comma and no
exponent (1234,5), dates as 2024-01-31, a formula as its last computed value. Rows keep their
row numbers, so a problem names the row Excel shows. A workbook that unpacks to far more than
it weighs (a zip bomb) is refused before it is parsed."""

import datetime
import importlib.util
import io
import re
import zipfile
from collections.abc import Iterable
from decimal import Decimal

from .decoding import SAVE_AS
from .limits import limit_text
from .problem import Problem
from .records import Record

LABEL = "Excel-arbetsbok (.xlsx)"
MAX_COLUMNS = 200
# Sheet XML is wordy: a table of a few MB unpacks to a few tens of MB, never hundreds.
UNPACKED_PER_PACKED = 50
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")  # a line break in a cell: CSV text keeps one row a line
_SAVE_AS_LOWER = SAVE_AS[0].lower() + SAVE_AS[1:]
_BROKEN = (
    "Excel-arbetsboken går inte att läsa; den verkar vara trasig. Öppna den i Excel och spara "
    f"den igen, eller {_SAVE_AS_LOWER}"
)


def available() -> bool:
    """Whether this installation can read workbooks (openpyxl is installed)."""
    return importlib.util.find_spec("openpyxl") is not None


def cell_text(value: object) -> str:
    """A cell's value as text, Swedish-style for numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "SANT" if value else "FALSKT"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(str(value))
        text = format(number.normalize() if number == number.to_integral() else number, "f")
        return text.replace(".", ",")
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


def read_first_sheet(data: bytes, *, max_bytes: int) -> list[Record] | Problem:
    """The non-empty rows of the workbook's first sheet with their row numbers."""
    if not available():
        return Problem(
            None,
            f"Den här installationen av Kansli kan inte läsa Excel-arbetsböcker. {SAVE_AS}",
        )
    unpacked = _unpacked_size(data)
    if unpacked is None:
        return Problem(None, _BROKEN)
    if unpacked > max_bytes * UNPACKED_PER_PACKED:
        return Problem(
            None,
            f"Excel-arbetsboken är för stor uppackad ({limit_text(unpacked)}). Spara bara "
            f"tabellen i en ny arbetsbok, eller {_SAVE_AS_LOWER}",
        )
    return _rows(data)


def _unpacked_size(data: bytes) -> int | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _rows(data: bytes) -> list[Record] | Problem:
    from openpyxl import load_workbook  # optional: available() says whether it is there

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # any failure to parse an uploaded workbook: it is broken
        return Problem(None, _BROKEN)
    try:
        if not workbook.worksheets:
            return Problem(None, f"Excel-arbetsboken har inga blad. {SAVE_AS}")
        sheet = workbook.worksheets[0]
        if not hasattr(sheet, "iter_rows"):  # a chart sheet
            return Problem(None, f"Arbetsbokens första blad är inte en tabell. {SAVE_AS}")
        sheet.reset_dimensions()  # trust the cells, not the size the file claims
        return _records(sheet.iter_rows(values_only=True))
    except Exception:  # the sheet's XML is parsed while the rows are read
        return Problem(None, _BROKEN)
    finally:
        workbook.close()


def _records(rows: Iterable[tuple[object, ...]]) -> list[Record] | Problem:
    records: list[Record] = []
    for line, values in enumerate(rows, start=1):
        cells = [cell_text(value) for value in values]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            return Problem(
                line,
                f"Raden har {len(cells)} kolumner; högst {MAX_COLUMNS}. Är det rätt blad "
                "först i arbetsboken?",
            )
        if cells:
            records.append((line, [_NEWLINES.sub(" ", cell) for cell in cells]))
    return records
