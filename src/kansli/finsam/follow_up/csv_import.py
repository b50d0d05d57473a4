"""Follow-up figures as CSV: read and check a whole file first, then write all of it or nothing.

The format (the import page tells the user the same in Swedish):

- The file is read by the shared import kit (kansli.core.tabular): UTF-8 with or without a
  byte-order mark (Excel's "CSV UTF-8"), UTF-16 with one, or Windows-1252; or an Excel
  workbook (its first sheet). At most 5 MB and 10 000 rows of figures. An Excel `sep=;`
  first line is allowed.
- Separator comma, semicolon or tab, taken from the header line (whichever it holds most of).
- The first line names the columns: `federation` and `year`, then any of the follow-up
  figures by their field names (`member_contributions`, `equity`, `cost_individual`, …,
  `population_16_64`) or by their Swedish labels (`medlemsbidrag (kr)`, with or without the
  unit in brackets; `förbund` and `år` for the first two), in any case and order. A column
  left out keeps what was entered before; an unknown column is an error.
- `federation` is the federation's name, short name or any alias (selectors.federation_by_name).
- Amounts are whole kronor and counts whole persons, digits only: `1250000`, never
  `1 250 000` or `1,250,000` (a thousands separator is refused rather than guessed at). Only
  equity may be negative. Staff (årsarbetare) may have a decimal comma or point: `2,75`.
- An empty cell is a figure not known (null, never zero).

    federation;year;member_contributions;cost_administration;participants;reception_team_staff
    SOFINT;2019;4000000;1373000;73;1,2

Extra funds (ESF, Tillväxtverket …) have several rows per federation and year, so they come in
a file of their own, told apart by its header: `federation,year,source,granted,used` (or
`förbund,år,givare,beviljat,förbrukat`), one row per giver, whole kronor. Each federation and
year in such a file gets exactly the extra funds the file lists for it.

Every problem is reported with its line and a Swedish message; a file with any problem writes
nothing. `follow_up_import` writes the rows through services.follow_up_record in one
transaction and returns the data checks (checks.check_years) of what it wrote as warnings.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.formatting import format_number
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import Viewer
from kansli.core.tabular import Problem, read_sheet
from kansli.people.models import Body

from ..models import Federation, FollowUp
from ..permissions import MANAGE_FINSAM
from ..selectors import follow_ups
from ..services import FOLLOW_UP_LABELS, follow_up_record
from . import checks
from .cells import (
    KEY_COLUMNS,
    MAX_ROWS,
    FederationLookup,
    FollowUpRow,
    Record,
    key,
    read_year,
)
from .extra_funds_csv import ExtraFundsRow, extra_columns, extra_funds_by_year, read_extra_funds
from .figure_text import (
    FigureError,
    parse_figure,
    shown,
)

MAX_BYTES = 5_000_000


@dataclass
class ParsedFollowUps:
    rows: list[FollowUpRow] = field(default_factory=list)
    extra: list[ExtraFundsRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ImportResult:
    written: list[FollowUpRow] = field(default_factory=list)
    replaced: int = 0  # of those written, how many replaced earlier figures
    problems: list[Problem] = field(default_factory=list)
    warnings: list[checks.Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _column_names() -> dict[str, str]:
    """Every accepted spelling of a column, normalised, to its field name."""
    names = dict(KEY_COLUMNS)
    for name, label in FOLLOW_UP_LABELS.items():
        names[key(name)] = name
        names[key(label)] = name
        names[key(re.sub(r"\s*\([^)]*\)$", "", label))] = name  # without "(kr)"
    return names


COLUMNS = _column_names()


def _header(cells: list[str], line: int) -> tuple[list[str | None], list[Problem]]:
    columns: list[str | None] = []
    problems: list[Problem] = []
    unknown: list[str] = []
    for cell in cells:
        if not cell.strip():
            columns.append(None)
            continue
        name = COLUMNS.get(key(cell))
        if name is None:
            unknown.append(f"”{shown(cell.strip())}”")
        elif name in columns:
            problems.append(Problem(line, f"Kolumnen ”{shown(cell.strip())}” finns två gånger."))
        columns.append(name)
    if unknown and len(unknown) == len([c for c in cells if c.strip()]):
        problems.append(
            Problem(
                line,
                "Första raden ska vara en rubrikrad med kolumnernas namn, till exempel "
                "federation;year;member_contributions. Okända kolumner: "
                + ", ".join(unknown[:10])
                + ".",
            )
        )
        return columns, problems
    if unknown:
        problems.append(
            Problem(
                line,
                f"Okänd{'a' if len(unknown) > 1 else ''} kolumn{'er' if len(unknown) > 1 else ''}"
                f": {', '.join(unknown[:10])}. Tillåtna kolumner står på importsidan.",
            )
        )
    for required, label in (("federation", "förbund"), ("year", "år")):
        if required not in columns:
            problems.append(Problem(line, f"Kolumnen ”{required}” ({label}) saknas i rubrikraden."))
    return columns, problems


def follow_up_parse(*, viewer: Viewer | None, body: Body, data: bytes) -> ParsedFollowUps:
    """The rows of a follow-up CSV, checked; nothing is written. With any problem, no rows."""
    result = ParsedFollowUps()
    sheet = read_sheet(data, max_bytes=MAX_BYTES, empty="Första raden ska vara en rubrikrad.")
    if not sheet.ok:
        result.problems.extend(sheet.problems)
        return result
    _read(viewer, body, sheet.records, result)
    if result.problems:
        result.rows, result.extra = [], []
    return result


def _read(
    viewer: Viewer | None, body: Body, records: list[Record], result: ParsedFollowUps
) -> None:
    problems = result.problems
    (header_line, header), data = records[0], records[1:]
    columns_of_extra = extra_columns(header)
    if columns_of_extra is not None:
        result.extra = read_extra_funds(
            viewer, body, header_line, columns_of_extra, data, result.problems
        )
        return
    columns, header_problems = _header(header, header_line)
    if header_problems:
        problems.extend(header_problems)
        return
    if not data:
        message = "Filen har bara en rubrikrad och inga uppgifter."
        problems.append(Problem(header_line + 1, message))
        return
    if len(data) > MAX_ROWS:
        message = (
            f"Filen har fler än {format_number(MAX_ROWS)} rader med uppgifter "
            f"({format_number(len(data))}); dela upp den i flera filer."
        )
        problems.append(Problem(data[MAX_ROWS][0], message))
        return
    rows = _Rows(viewer, body, columns, problems)
    seen: dict[tuple[int, int], int] = {}
    for line, cells in data:
        row = rows.read(line, cells)
        if row is None:
            continue
        key = (row.federation.pk, row.year)
        if key in seen:
            message = f"{row.federation.short_name} {row.year} finns redan på rad {seen[key]}."
            problems.append(Problem(line, message))
            continue
        seen[key] = line
        result.rows.append(row)


class _Rows:
    """Reads the data rows under a header, adding what is wrong to `problems`."""

    def __init__(
        self, viewer: Viewer | None, body: Body, columns: list[str | None], problems: list[Problem]
    ) -> None:
        self.columns, self.problems = columns, problems
        self.lookup = FederationLookup(viewer, body, problems)

    def read(self, line: int, cells: list[str]) -> FollowUpRow | None:
        if len(cells) != len(self.columns):
            message = (
                f"Raden har {len(cells)} fält men rubrikraden {len(self.columns)}. Kontrollera "
                "avgränsaren (komma eller semikolon) och citattecknen."
            )
            self.problems.append(Problem(line, message))
            return None
        before = len(self.problems)
        federation: Federation | None = None
        year: int | None = None
        figures: dict[str, int | Decimal | None] = {}
        for name, cell in zip(self.columns, cells, strict=True):
            if name is None:
                if cell.strip():
                    message = f"Värdet ”{shown(cell)}” står i en kolumn utan rubrik."
                    self.problems.append(Problem(line, message))
            elif name == "federation":
                federation = self.lookup.federation(line, cell)
            elif name == "year":
                year = read_year(line, cell, self.problems)
            else:
                try:
                    figures[name] = parse_figure(name, cell)
                except FigureError as error:
                    label = FOLLOW_UP_LABELS[name]
                    self.problems.append(Problem(line, f"{label[0].upper()}{label[1:]}: {error}"))
        if len(self.problems) > before or federation is None or year is None:
            return None
        return FollowUpRow(line, federation, year, figures)


class _RowRefused(Exception):
    def __init__(self, line: int, error: ValidationError) -> None:
        super().__init__(line)
        self.line, self.error = line, error


def follow_up_import(*, actor: User | None, body: Body, data: bytes) -> ImportResult:
    """Read a follow-up CSV and, when it has no problem, write every row through
    services.follow_up_record in one transaction: all rows or none."""
    if actor is not None:
        require(actor, MANAGE_FINSAM)
    parsed = follow_up_parse(viewer=actor, body=body, data=data)
    if parsed.problems:
        return ImportResult(problems=parsed.problems)
    existing = set(
        FollowUp.objects.filter(federation__body=body).values_list("federation_id", "year")
    )
    rows = parsed.rows or extra_funds_by_year(parsed.extra)
    try:
        with transaction.atomic():
            for row in rows:
                try:
                    follow_up_record(
                        actor=actor,
                        federation=row.federation,
                        year=row.year,
                        figures=row.figures,
                        extra_funds=row.extra_funds,
                    )
                except ValidationError as error:
                    raise _RowRefused(row.line, error) from error
    except _RowRefused as refused:
        return ImportResult(problems=[Problem(refused.line, m) for m in refused.error.messages])
    result = ImportResult(
        written=rows, replaced=sum((row.federation.pk, row.year) in existing for row in rows)
    )
    result.warnings = _warnings(actor, body, rows)
    return result


def _warnings(actor: User | None, body: Body, rows: list[FollowUpRow]) -> list[checks.Problem]:
    """The data checks of the federations written to, for the years written and the years
    after them (whose start is compared with the end of a year written)."""
    years: dict[int, set[int]] = {}
    for row in rows:
        years.setdefault(row.federation.pk, set()).update({row.year, row.year + 1})
    warnings: list[checks.Problem] = []
    stored = list(follow_ups(viewer=actor, body=body).filter(federation_id__in=years))
    for federation_pk, wanted in years.items():
        mine = [f for f in stored if f.federation_id == federation_pk]
        if not mine:
            continue
        name = mine[0].federation.short_name
        warnings += [p for p in checks.check_years(name, mine) if p.year in wanted]
    return warnings
