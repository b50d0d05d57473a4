"""The entry point: an uploaded table read against the columns a reader expects.

    table = read_table(data, columns=COLUMNS, max_bytes=1_000_000, max_rows=1_000)
    if table.ok:
        for line, values in table.rows: ...   # values["name"], by column key

The bytes may be CSV in any encoding the decoding policy reads, or an Excel workbook (its
first sheet). The header is the first non-empty row (or, with `header_within`, the first of
that many that names every required column: SCB puts title lines above its tables). Every
problem comes with its line; a table with any problem has no rows, and its reader writes
nothing (all or nothing). A reader adds its own problems with `table.problem(...)` and checks
`table.ok` again."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from . import excel
from .decoding import check_text, decode
from .formats import Format, sniff_format
from .headers import Column, Header, check_columns, expected_header, map_header
from .headers import unknown_problem as unknown_columns_problem
from .limits import too_large, too_many_rows
from .problem import Problem
from .records import Record, read_records, records_text
from .sniffing import separator_line, sniff_delimiter

OtherColumns = Literal["ignore", "refuse"]


class Row(NamedTuple):
    line: int
    values: dict[str, str]  # by column key: the columns the header has, values stripped


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""  # what the file was read as, in Swedish; "" for pasted text
    delimiter: str = ""  # "" for a workbook
    header: Header | None = None
    text: str = ""  # the table as CSV text, with the file's line numbers (see read_table)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def notice(self) -> str:
        """ "Filen lästes som Windows-1252 (ANSI).", or "" for pasted text."""
        return f"Filen lästes som {self.encoding}." if self.encoding else ""

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
    """An uploaded file's table. `advice` ends the messages on a too large file ("Dela upp
    den per organ."); `other_columns="refuse"` makes a column the reader does not know, or
    a value under an empty header cell, a problem. `table.text` is the decoded text, or a
    workbook's sheet as semicolon-separated text, for a later `read_table_text`."""
    check_columns(columns)
    options = _Options(columns, max_rows, advice, header_within, other_columns)
    table = Table()
    problem = too_large(len(data), max_bytes, advice)
    if problem is None and not data.strip():
        problem = _empty(columns)
    found = problem or sniff_format(data, filename)
    if isinstance(found, Problem):
        table.problems.append(found)
        return table
    if found is Format.XLSX:
        sheet = excel.read_first_sheet(data, max_bytes=max_bytes)
        if isinstance(sheet, Problem):
            table.problems.append(sheet)
            return table
        table.encoding, table.text = excel.LABEL, records_text(sheet)
        _from_records(table, sheet, options)
        return table
    decoded = decode(data)
    if isinstance(decoded, Problem):
        table.problems.append(decoded)
        return table
    table.encoding = decoded.encoding.label
    _from_text(table, decoded.text, options)
    return table


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
    options = _Options(columns, max_rows, advice, header_within, other_columns)
    table = Table()
    problem = too_large(len(text.encode("utf-8", errors="replace")), max_bytes, advice)
    checked = problem or check_text(text)
    if isinstance(checked, Problem):
        table.problems.append(checked)
        return table
    _from_text(table, checked, options)
    return table


def _empty(columns: Sequence[Column]) -> Problem:
    return Problem(None, f"Filen är tom. Första raden ska vara {expected_header(columns)}.")


def _from_text(table: Table, text: str, options: _Options) -> None:
    table.text = text
    if not text.strip():
        table.problems.append(_empty(options.columns))
        return
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    given = separator_line(lines[filled[0]])
    if given is not None:
        filled = filled[1:]
        if not filled:
            table.problems.append(_empty(options.columns))
            return
    start, delimiter = filled[0], given or sniff_delimiter(lines[filled[0]])
    for index in filled[: options.header_within]:
        candidate = given or sniff_delimiter(lines[index])
        cells = read_records(lines[index], candidate)
        if isinstance(cells, list) and cells:
            header = map_header(cells[0][1], index + 1, options.columns, delimiter=candidate)
            if not header.problems:
                start, delimiter = index, candidate
                break
    table.delimiter = delimiter
    records = read_records("\n".join(lines[start:]), delimiter, first_line=start + 1)
    if isinstance(records, Problem):
        table.problems.append(records)
        return
    _fill(table, records, options)


def _from_records(table: Table, records: list[Record], options: _Options) -> None:
    if not records:
        table.problems.append(_empty(options.columns))
        return
    start = 0
    for index, (line, cells) in enumerate(records[: options.header_within]):
        if not map_header(cells, line, options.columns).problems:
            start = index
            break
    _fill(table, records[start:], options)


def _fill(table: Table, records: list[Record], options: _Options) -> None:
    """The rows under the header `records[0]`, or the problems."""
    problem = too_many_rows(len(records) - 1, options.max_rows, options.advice)
    if problem is not None:
        table.problems.append(problem)
        return
    line, cells = records[0]
    header = map_header(cells, line, options.columns, delimiter=table.delimiter or ";")
    table.header = header
    table.problems.extend(header.problems)
    if options.other_columns == "refuse":
        unknown = unknown_columns_problem(header, options.columns)
        if unknown is not None:
            table.problems.append(unknown)
    if table.problems:
        return
    for line, cells in records[1:]:
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
