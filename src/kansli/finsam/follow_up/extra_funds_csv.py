"""Extra funds as CSV: a file of their own, one row per giver (several per federation and year),
told apart from a figures file by its header `federation,year,source,granted,used` (or
`förbund,år,givare,beviljat,förbrukat`). Each federation and year in the file gets exactly the
extra funds it lists, and the year's follow-up must exist."""

from dataclasses import dataclass

from kansli.core.roles import Viewer
from kansli.core.tabular import Problem
from kansli.people.models import Body

from ..models import Federation
from ..selectors import follow_ups
from ..services import ExtraFundsInput
from .cells import (
    KEY_COLUMNS,
    MAX_ROWS,
    FederationLookup,
    FollowUpRow,
    Record,
    key,
    read_year,
)
from .figure_text import FigureError, parse_figure


@dataclass(frozen=True)
class ExtraFundsRow:
    line: int
    federation: Federation
    year: int
    funds: ExtraFundsInput


EXTRA_COLUMNS = {
    "source": "source",
    "givare": "source",
    "granted": "granted",
    "beviljat": "granted",
    "beviljat (kr)": "granted",
    "used": "used",
    "förbrukat": "used",
    "förbrukat (kr)": "used",
}
EXTRA_HEADER = ("federation", "year", "source", "granted", "used")


def extra_columns(cells: list[str]) -> list[str] | None:
    """The columns of an extra-funds file, or None when the header is not one."""
    while cells and not cells[-1].strip():  # Excel's empty columns at the end
        cells = cells[:-1]
    names = [KEY_COLUMNS.get(key(c)) or EXTRA_COLUMNS.get(key(c)) for c in cells]
    if "source" not in names:
        return None
    return [n or "" for n in names]


def read_extra_funds(
    viewer: Viewer | None,
    body: Body,
    header_line: int,
    columns: list[str],
    data: list[Record],
    problems: list[Problem],
) -> list[ExtraFundsRow]:
    """The rows of an extra-funds file under its header; what is wrong goes to `problems`."""
    rows: list[ExtraFundsRow] = []
    if sorted(columns) != sorted(EXTRA_HEADER):
        message = (
            "En fil med extra medel har kolumnerna federation,year,source,granted,used "
            "(förbund,år,givare,beviljat,förbrukat), varken fler eller färre."
        )
        problems.append(Problem(header_line, message))
        return rows
    if not data:
        problems.append(Problem(header_line + 1, "Filen har bara en rubrikrad och inga uppgifter."))
        return rows
    lookup = FederationLookup(viewer, body, problems)
    seen: dict[tuple[int, int, str], int] = {}
    recorded = set(follow_ups(viewer=viewer, body=body).values_list("federation_id", "year"))
    for line, cells in data[:MAX_ROWS]:
        while len(cells) > len(columns) and not cells[-1].strip():
            cells = cells[:-1]
        if len(cells) != len(columns):
            problems.append(Problem(line, f"Raden ska ha {len(columns)} fält, inte {len(cells)}."))
            continue
        cell = dict(zip(columns, cells, strict=True))
        before = len(problems)
        federation = lookup.federation(line, cell["federation"])
        year = read_year(line, cell["year"], problems)
        source = " ".join(cell["source"].split())
        if not source:
            problems.append(Problem(line, "Givaren saknas."))
        elif len(source) > 200:
            problems.append(Problem(line, "Givarens namn får vara högst 200 tecken."))
        amounts: dict[str, int] = {}
        for name, label in (("granted", "Beviljat"), ("used", "Förbrukat")):
            try:
                value = parse_figure(name, cell[name])
            except FigureError as error:
                problems.append(Problem(line, f"{label}: {error}"))
                continue
            if value is None:
                problems.append(Problem(line, f"{label}: beloppet saknas (skriv 0 om inget)."))
            else:
                amounts[name] = int(value)
        if len(problems) > before or federation is None or year is None:
            continue
        key = (federation.pk, year, source.casefold())
        if key in seen:
            message = f"{source} för {federation.short_name} {year} finns redan på rad {seen[key]}."
            problems.append(Problem(line, message))
            continue
        seen[key] = line
        if (federation.pk, year) not in recorded:
            message = (
                f"Det finns ingen uppföljning för {federation.short_name} {year}. Importera "
                "eller för in årets uppgifter först, sedan de extra medlen."
            )
            problems.append(Problem(line, message))
            continue
        funds = ExtraFundsInput(source=source, granted=amounts["granted"], used=amounts["used"])
        rows.append(ExtraFundsRow(line, federation, year, funds))
    if len(data) > MAX_ROWS:
        problems.append(Problem(data[MAX_ROWS][0], "Filen har för många rader; dela upp den."))
    return rows


def extra_funds_by_year(extra: list[ExtraFundsRow]) -> list[FollowUpRow]:
    """An extra-funds file as one row per federation and year, at the line of its first giver,
    carrying no figures (they are left as they were) and all of that year's extra funds."""
    rows: dict[tuple[int, int], FollowUpRow] = {}
    for entry in extra:
        key = (entry.federation.pk, entry.year)
        if key not in rows:
            rows[key] = FollowUpRow(entry.line, entry.federation, entry.year, {}, [])
        funds = rows[key].extra_funds
        assert funds is not None
        funds.append(entry.funds)
    return list(rows.values())
