"""The entry point: an uploaded table read against the columns a reader expects.

    table = read_table(data, columns=COLUMNS, max_bytes=1_000_000, max_rows=1_000)
    if table.ok:
        for line, values in table.rows: ...   # values["name"], by column key

The bytes may be CSV in any encoding the decoding policy reads, or an Excel workbook (its
first sheet); sheet.py reads them to records. The header is the first non-empty row (or,
with `header_within`, the first of that many that names every required column: SCB puts
title lines above its tables). Every problem comes with its line; a table with any problem
has no rows, and its reader writes nothing (all or nothing). A reader adds its own problems
with `table.problem(...)`, which empties the rows."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .headers import Column, Header, check_columns, expected_header, map_header, unknown_problem
from .limits import too_many_rows
from .problem import Problem
from .records import Record
from .sheet import Sheet, read_sheet, read_sheet_text

OtherColumns = Literal["ignore", "refuse"]


class Row(NamedTuple):
    line: int
    values: dict[str, str]  # by column key: the columns the header has, values stripped


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""  # "utf-8", "utf-16", "windows-1252", "xlsx"; "" for pasted text
    notice: str = ""  # "Filen lästes som Windows-1252 (ANSI).", or "" for pasted text
    delimiter: str = ""  # "" for a workbook
    header: Header | None = None  # with its problems when no row was a header
    text: str = ""  # the table as CSV text, with the file's line numbers (see read_table)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def present(self) -> frozenset[str]:
        """The keys of the columns the header has."""
        return frozenset(self.header.positions) if self.header else frozenset()

    def problem(self, line: int | None, message: str) -> None:
        """Add a reader's own problem: the table is then not ok, and has no rows."""
        self.problems.append(Problem(line, message))
        self.rows = []


@dataclass(frozen=True)
class _Options:
    columns: Sequence[Column]
    max_rows: int
    advice: str
    header_within: int
    other_columns: OtherColumns


def read_table(
    data: bytes,
    *,
    columns: Sequence[Column],
    max_bytes: int,
    max_rows: int,
    filename: str | None = None,
    advice: str = "",
    header_within: int = 1,
    other_columns: OtherColumns = "ignore",
) -> Table:
    """An uploaded file's table. `advice` ends the messages on a file too large or too long
    ("Dela upp den per organ."); `other_columns="refuse"` makes a column the reader does not
    know, or a value under an empty header cell, a problem. `table.text` is the decoded text,
    or a workbook's sheet as semicolon-separated text, for a later `read_table_text`."""
    check_columns(columns)
    sheet = read_sheet(
        data, max_bytes=max_bytes, filename=filename, advice=advice, empty=_empty(columns)
    )
    return _table(sheet, _Options(columns, max_rows, advice, header_within, other_columns))


def read_table_text(
    text: str,
    *,
    columns: Sequence[Column],
    max_bytes: int,
    max_rows: int,
    advice: str = "",
    header_within: int = 1,
    other_columns: OtherColumns = "ignore",
) -> Table:
    """Pasted text, or a table's `text` read again, the same way as a file."""
    check_columns(columns)
    sheet = read_sheet_text(text, max_bytes=max_bytes, advice=advice, empty=_empty(columns))
    return _table(sheet, _Options(columns, max_rows, advice, header_within, other_columns))


def _empty(columns: Sequence[Column]) -> str:
    return f"Första raden ska vara {expected_header(columns)}."


def _table(sheet: Sheet, options: _Options) -> Table:
    table = Table(
        problems=sheet.problems,
        encoding=sheet.encoding,
        notice=sheet.notice,
        delimiter=sheet.delimiter,
        text=sheet.text,
    )
    if table.ok:
        _fill(table, sheet.records, options)
    return table


def _header(table: Table, records: list[Record], options: _Options) -> int:
    """The index of the header among the records, with table.header set; its problems are
    those of the first candidate when none is a header."""
    start = 0
    for index, (line, cells) in enumerate(records[: options.header_within]):
        header = map_header(cells, line, options.columns, delimiter=table.delimiter or ";")
        if options.other_columns == "refuse":
            unknown = unknown_problem(header, options.columns)
            if unknown is not None:
                header.problems.append(unknown)
        if index == 0 or not header.problems:
            table.header, start = header, index
        if not header.problems:
            break
    return start


def _fill(table: Table, records: list[Record], options: _Options) -> None:
    """The rows under the header, or the problems."""
    start = _header(table, records, options)
    header = table.header
    assert header is not None  # records is not empty: sheet.py said so
    problem = too_many_rows(len(records) - start - 1, options.max_rows, options.advice)
    if problem is not None:
        table.problems.append(problem)
        return
    if header.problems:
        table.problems.extend(header.problems)
        return
    for line, cells in records[start + 1 :]:
        row = _row(table, header, line, cells, options)
        if row is not None:
            table.rows.append(row)
    if not table.rows and not table.problems:
        table.problems.append(Problem(None, "Filen har inga rader under rubrikraden."))
    if table.problems:
        table.rows = []


def _row(
    table: Table, header: Header, line: int, cells: list[str], options: _Options
) -> Row | None:
    if len(cells) > header.width:
        hint = (
            " Ett värde med komma (som ”Efternamn, Förnamn”) måste stå inom citattecken i en "
            "kommaseparerad fil; eller använd semikolon."
            if table.delimiter == ","
            else ""
        )
        table.problems.append(
            Problem(line, f"Raden har {len(cells)} värden men rubrikraden {header.width}.{hint}")
        )
        return None
    if options.other_columns == "refuse":
        named = set(header.positions.values())
        for position, cell in enumerate(cells):
            nameless = position >= len(header.cells) or not header.cells[position].strip()
            if position not in named and cell.strip() and nameless:
                table.problems.append(
                    Problem(line, f"Värdet ”{cell.strip()[:40]}” står i en kolumn utan rubrik.")
                )
                return None
    values = {
        key: cells[position].strip() if position < len(cells) else ""
        for key, position in header.positions.items()
    }
    return Row(line, values)
