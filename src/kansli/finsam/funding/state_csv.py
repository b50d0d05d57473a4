"""The state's amounts as CSV: `federation,state_amount`, one row per federation.

    federation,state_amount
    SOFINT,2 000 000   ← refused: digits only
    Sydnärke,2650000

Federations are named by name, short name or any alias. The file is read by the shared
import kit (kansli.core.tabular): UTF-8, Windows-1252 or UTF-16, comma, semicolon or tab
between the fields, or an Excel workbook. Every problem is reported with its line number, and
a file with any problem gives no amounts at all.
"""

import re
from dataclasses import dataclass, field

from kansli.core.roles import Viewer
from kansli.core.tabular import Problem, read_sheet
from kansli.people.models import Body

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
    sheet = read_sheet(
        data, max_bytes=MAX_BYTES, empty=f"Första raden ska vara {','.join(HEADER)}."
    )
    if not sheet.ok:
        problems.extend(sheet.problems)
        return result
    (header_line, header), rows = sheet.records[0], sheet.records[1:]
    if [cell.strip().lower() for cell in header] != HEADER:
        shown = (sheet.delimiter or ",").join(header)
        problems.append(
            Problem(
                header_line,
                f"Rubrikraden ska vara ”{','.join(HEADER)}”, inte ”{shown[:80]}”.",
            )
        )
        return result
    seen: dict[int, int] = {}
    for number, row in rows:
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
