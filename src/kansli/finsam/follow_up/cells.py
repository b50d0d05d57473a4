"""What every follow-up file has: the federation and the year of each row, read the same way
in the figures file (csv_import) and the extra-funds file (extra_funds_csv)."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from kansli.core.roles import Viewer
from kansli.core.tabular import Problem
from kansli.people.models import Body

from .. import rules
from ..models import Federation
from ..selectors import federation_by_name, federation_list
from ..services import ExtraFundsInput
from .figure_text import INTEGER, shown

MAX_ROWS = 10_000
FIRST_YEAR = rules.FIRST_FOLLOW_UP_YEAR

Record = tuple[int, list[str]]  # the line a record starts on, its cells
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-"})

# Every accepted spelling of the two columns each file has, normalised (key).
KEY_COLUMNS = {
    "federation": "federation",
    "förbund": "federation",
    "samordningsförbund": "federation",
    "year": "year",
    "år": "year",
}


@dataclass(frozen=True)
class FollowUpRow:
    line: int
    federation: Federation
    year: int
    figures: dict[str, int | Decimal | None]
    extra_funds: list[ExtraFundsInput] | None = None  # None: the extra funds stay as they were


def last_year() -> int:
    """The latest year figures can be entered for: the current one."""
    return timezone.localdate().year


def year_problem(year: int) -> str | None:
    """Why a year cannot have follow-up figures, or None (rules.follow_up_year_problem)."""
    return rules.follow_up_year_problem(year, last_year())


def key(text: str) -> str:
    return " ".join(text.translate(_DASHES).split()).casefold()


class FederationLookup:
    """Finds the federation a cell names, once per name, adding what is wrong to `problems`."""

    def __init__(self, viewer: Viewer | None, body: Body, problems: list[Problem]) -> None:
        self.viewer, self.body, self.problems = viewer, body, problems
        self.known = sorted(f.short_name for f in federation_list(viewer=viewer, body=body))
        self.federations: dict[str, Federation | None] = {}

    def federation(self, line: int, cell: str) -> Federation | None:
        name = cell.strip()
        if not name:
            self.problems.append(Problem(line, "Förbundet saknas."))
            return None
        if name not in self.federations:
            self.federations[name] = federation_by_name(
                viewer=self.viewer, body=self.body, name=name
            )
        if self.federations[name] is None:
            known = ", ".join(self.known) or "inga förbund är upplagda"
            message = f"Det finns inget förbund som heter ”{shown(name)}” (kända: {known})."
            self.problems.append(Problem(line, message))
        return self.federations[name]


def read_year(line: int, cell: str, problems: list[Problem]) -> int | None:
    text = cell.strip()
    if not text:
        problems.append(Problem(line, "Året saknas."))
        return None
    if not INTEGER.fullmatch(text) or len(text) > 4:
        problems.append(
            Problem(line, f"Året ”{shown(text)}” är inget årtal; skriv till exempel 2019.")
        )
        return None
    message = year_problem(int(text))
    if message:
        problems.append(Problem(line, message))
        return None
    return int(text)
