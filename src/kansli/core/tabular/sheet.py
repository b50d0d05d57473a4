"""A file's rows before any header is looked for: the size limit, the format (CSV text or an
Excel workbook), the decoding policy, the separator and the records with their lines.

`read_table` (table.py) builds on this; a reader whose rows follow rules of their own (a
header found among title lines, messages of its own for a row's width) reads the sheet and
looks at its records itself."""

from dataclasses import dataclass, field

from . import excel
from .decoding import Decoded, check_text, decode
from .formats import Format, sniff_format
from .limits import too_large
from .problem import Problem
from .records import Record, read_records, records_text
from .sniffing import separator_line, sniff_lines

EMPTY = "Filen är tom."
SNIFF_WITHIN = 5  # non-empty lines that may hold the separator: SCB's title lines come first


@dataclass
class Sheet:
    records: list[Record] = field(default_factory=list)  # the non-empty rows, with their lines
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""  # "utf-8", "utf-16", "windows-1252", "xlsx"; "" for pasted text
    notice: str = ""  # "Filen lästes som Windows-1252 (ANSI).", or "" for pasted text
    delimiter: str = ""  # "" for a workbook
    text: str = ""  # CSV text with the file's line numbers (a workbook's sheet as such)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_sheet(
    data: bytes, *, max_bytes: int, filename: str | None = None, advice: str = "", empty: str = ""
) -> Sheet:
    """The rows of an uploaded file. `advice` ends the message on a file too large ("Dela
    upp den per organ."); `empty` the one on an empty file ("Första raden ska vara …")."""
    sheet = Sheet()
    problem = too_large(len(data), max_bytes, advice)
    if problem is None and not data.strip():
        problem = _empty(empty)
    found = problem or sniff_format(data, filename)
    if isinstance(found, Problem):
        sheet.problems.append(found)
        return sheet
    if found is Format.XLSX:
        rows = excel.read_first_sheet(data, max_bytes=max_bytes)
        if isinstance(rows, Problem):
            sheet.problems.append(rows)
            return sheet
        sheet.encoding, sheet.notice = "xlsx", f"Filen lästes som {excel.LABEL}."
        sheet.records, sheet.text = rows, records_text(rows)
        if not rows:
            sheet.problems.append(_empty(empty))
        return sheet
    decoded = decode(data)
    if isinstance(decoded, Problem):
        sheet.problems.append(decoded)
        return sheet
    sheet.encoding, sheet.notice = decoded.encoding.name, decoded.notice
    _from_text(sheet, decoded, empty)
    return sheet


def read_sheet_text(text: str, *, max_bytes: int, advice: str = "", empty: str = "") -> Sheet:
    """Pasted text, or a sheet's `text` read again, the same way as a file."""
    sheet = Sheet()
    problem = too_large(len(text.encode("utf-8", errors="replace")), max_bytes, advice)
    checked = problem or check_text(text)
    if isinstance(checked, Problem):
        sheet.problems.append(checked)
        return sheet
    _from_text(sheet, checked, empty)
    return sheet


def _empty(empty: str) -> Problem:
    return Problem(1, f"{EMPTY} {empty}".strip())


def _from_text(sheet: Sheet, source: Decoded | str, empty: str) -> None:
    text = source.text if isinstance(source, Decoded) else source
    sheet.text = text
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    given = separator_line(lines[filled[0]]) if filled else None
    if given is not None:
        filled = filled[1:]
    if not filled:
        sheet.problems.append(_empty(empty))
        return
    sheet.delimiter = given or sniff_lines([lines[i] for i in filled[:SNIFF_WITHIN]])
    start = filled[0]
    records = read_records("\n".join(lines[start:]), sheet.delimiter, first_line=start + 1)
    if isinstance(records, Problem):
        sheet.problems.append(records)
    elif not records:  # lines of separators only
        sheet.problems.append(_empty(empty))
    else:
        sheet.records = records
