"""The state's amounts as CSV: `federation,state_amount`, one row per federation.

    federation,state_amount
    SOFINT,2 000 000   ← refused: digits only
    Sydnärke,2650000

Federations are named by name, short name or any alias. Every problem is reported with its
line number, and a file with any problem gives no amounts at all.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from kansli.core.roles import Viewer
from kansli.people.models import Body

from ..file_problem import Problem
from ..models import Federation
from ..selectors import federation_by_name
from ..services import MAX_AMOUNT

MAX_BYTES = 1_000_000
HEADER = ["federation", "state_amount"]
_DIGITS = re.compile(r"[0-9]+")


@dataclass
class StateAmounts:
    amounts: dict[Federation, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _amount(text: str, line: int, problems: list[Problem]) -> int | None:
    value = text.strip()
    if not value:
        problems.append(Problem(line, "Beloppet saknas."))
        return None
    if value.startswith(("-", "−")):
        problems.append(Problem(line, f"Beloppet {value} är negativt; statens bidrag är ≥ 0."))
        return None
    if _DIGITS.fullmatch(value):
        amount = int(value)
        if amount > MAX_AMOUNT:
            problems.append(Problem(line, f"Beloppet {value} är orimligt stort."))
            return None
        return amount
    if re.fullmatch(r"[0-9][0-9 \u00a0.,]*", value):
        problems.append(
            Problem(
                line,
                f"Beloppet ”{value}” har mellanslag, punkt eller komma. Skriv hela kronor med "
                "bara siffror, till exempel 1250000.",
            )
        )
    else:
        problems.append(Problem(line, f"”{value[:40]}” är inget belopp i hela kronor."))
    return None


def read_state_amounts(*, viewer: Viewer | None, body: Body, data: bytes) -> StateAmounts:
    """The state's amount per federation, or the problems with their lines."""
    result = StateAmounts()
    problems = result.problems
    if len(data) > MAX_BYTES:
        problems.append(Problem(None, "Filen är för stor (högst 1 MB)."))
        return result
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(Problem(line, "Filen är inte UTF-8. Spara den som UTF-8 (CSV UTF-8)."))
        return result
    if not text.strip():
        problems.append(Problem(1, "Filen är tom. Första raden ska vara federation,state_amount."))
        return result
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        problems.append(Problem(None, f"Filen kan inte läsas som CSV ({error})."))
        return result
    header = [cell.strip().lower() for cell in rows[0]]
    if header != HEADER:
        problems.append(
            Problem(
                1,
                f"Rubrikraden ska vara ”{','.join(HEADER)}”, inte ”{','.join(rows[0])[:80]}”.",
            )
        )
        return result
    seen: dict[int, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > 2 and all(cell.strip().isdigit() for cell in row[1:]):
            problems.append(
                Problem(
                    number,
                    f"Beloppet ”{','.join(row[1:])}” har komma som tusentalsavgränsare. Skriv "
                    "hela kronor med bara siffror, till exempel 1250000.",
                )
            )
            continue
        if len(row) != 2:
            problems.append(Problem(number, f"Raden ska ha 2 värden, inte {len(row)}."))
            continue
        name, value = row
        federation = federation_by_name(viewer=viewer, body=body, name=name)
        if federation is None:
            problems.append(Problem(number, f"Det finns inget förbund som heter ”{name[:80]}”."))
        amount = _amount(value, number, problems)
        if federation is None or amount is None:
            continue
        if federation.pk in seen:
            problems.append(
                Problem(
                    number,
                    f"{federation.short_name} finns redan på rad {seen[federation.pk]}.",
                )
            )
            continue
        seen[federation.pk] = number
        result.amounts[federation] = amount
    if not result.amounts and not problems:
        problems.append(Problem(None, "Filen har inga belopp."))
    if problems:
        result.amounts = {}
    return result
