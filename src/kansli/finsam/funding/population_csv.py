"""The municipalities' numbers of inhabitants as CSV, as SCB's statistical database exports
them (Folkmängd efter region) or typed by hand:

    kommun,invånare            region;2023
    Lindesberg,23710           "1885 Lindesberg";23710

The first column is the municipality: its name, optionally after SCB's four-digit code and
with or without "kommun". The second is the number, digits only. Comma or semicolon between
the fields; UTF-8, or Windows-1252/Latin-1 as SCB saves it. A municipality is matched against
the municipalities that are members of the body's federations (one municipality can be in
several). Every problem is reported with its line, and a file with any problem gives nothing.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from kansli.core.roles import Viewer
from kansli.people.models import Body

from ..file_problem import Problem
from ..models import FederationMember
from ..selectors import municipalities
from ..services import MAX_INHABITANTS

MAX_BYTES = 1_000_000
FIRST_COLUMN = {"kommun", "region", "namn"}
SECOND_COLUMN = {"invånare", "invånarantal", "folkmängd", "antal"}
_CODE = re.compile(r"^\d{4}\s+")
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass
class Populations:
    inhabitants: dict[FederationMember, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.inhabitants)


def municipality_key(name: str) -> str:
    """A member's name as it is looked up: "Lindesberg" and "lindesberg kommun" alike."""
    return " ".join(name.split()).casefold().removesuffix(" kommun")


def name_keys(name: str) -> list[str]:
    """The keys a name in a file may stand for: "1885 Lindesberg" and "Lindesbergs kommun"
    are Lindesberg; "Kramfors kommun" is Kramfors, not "Kramfor"."""
    text = _CODE.sub("", " ".join(name.split())).casefold()
    key = text.removesuffix(" kommun")
    if key != text and key.endswith("s"):
        return [key, key[:-1]]
    return [key]


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _header_ok(cells: list[str]) -> bool:
    if len(cells) != 2:
        return False
    first, second = (c.strip().strip('"').casefold() for c in cells)
    return first in FIRST_COLUMN and (second in SECOND_COLUMN or bool(_YEAR.fullmatch(second)))


def _number(text: str, line: int, problems: list[Problem]) -> int | None:
    value = text.strip()
    if not value:
        problems.append(Problem(line, "Invånarantalet saknas."))
    elif value.isdigit() and value.isascii():
        number = int(value)
        if number == 0:
            problems.append(Problem(line, "Invånarantalet är 0; en kommun har invånare."))
        elif number > MAX_INHABITANTS:
            problems.append(Problem(line, f"{value} invånare är orimligt många för en kommun."))
        else:
            return number
    elif value.startswith(("-", "−")):
        problems.append(Problem(line, f"Invånarantalet {value} är negativt."))
    elif re.fullmatch(r"[0-9][0-9 \u00a0.,]*", value):
        problems.append(
            Problem(
                line,
                f"Talet ”{value}” har mellanslag, punkt eller komma. Skriv bara siffror, "
                "till exempel 23710.",
            )
        )
    else:
        problems.append(Problem(line, f"”{value[:40]}” är inget invånarantal."))
    return None


def read_populations(*, viewer: Viewer | None, body: Body, data: bytes) -> Populations:
    """The number per member municipality, or the problems with their lines."""
    result = Populations()
    problems = result.problems
    if len(data) > MAX_BYTES:
        problems.append(Problem(None, "Filen är för stor (högst 1 MB)."))
        return result
    text, result.encoding = _decode(data)
    lines = re.split(r"\r\n|\r|\n", text)  # only line breaks: the numbers match the file
    if not text.strip():
        problems.append(Problem(1, "Filen är tom. Första raden ska vara kommun,invånare."))
        return result
    # SCB puts a title line or two above the table: the header is the first line that is one.
    start = next((i for i, line in enumerate(lines[:5]) if _header_ok(_cells(line))), None)
    if start is None:
        problems.append(
            Problem(
                1,
                "Hittar ingen rubrikrad ”kommun,invånare” (eller SCB:s ”region,ÅR”) bland "
                f"de första raderna; första raden är ”{lines[0][:80]}”.",
            )
        )
        return result
    members = municipalities(viewer=viewer, body=body)
    by_key: dict[str, list[FederationMember]] = {}
    for member in members:  # "Lindesbergs kommun" as a member is found as "Lindesberg" too
        for key in dict.fromkeys([municipality_key(member.name), *name_keys(member.name)]):
            by_key.setdefault(key, []).append(member)
    seen: dict[str, int] = {}
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        row = _cells(line)
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            problems.append(Problem(number, f"Raden ska ha 2 värden, inte {len(row)}."))
            continue
        name, value = row
        key = next((k for k in name_keys(name) if k in by_key), "")
        found = by_key.get(key)
        if found:
            key = str(found[0].pk)  # one municipality, however the file spells it
        if not found:
            problems.append(
                Problem(
                    number,
                    f"Ingen kommun som heter ”{name.strip()[:80]}” är medlem i något förbund. "
                    "Ta bort raden eller lägg först till kommunen som medlem.",
                )
            )
        count = _number(value, number, problems)
        if not found or count is None:
            continue
        if key in seen:
            problems.append(Problem(number, f"{found[0].name} finns redan på rad {seen[key]}."))
            continue
        seen[key] = number
        for member in found:
            result.inhabitants[member] = count
    if not result.inhabitants and not problems:
        problems.append(Problem(None, "Filen har inga invånarantal."))
    if problems:
        result.inhabitants = {}
    return result


def _cells(line: str) -> list[str]:
    delimiter = ";" if line.count(";") > line.count(",") else ","
    try:
        return next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
    except csv.Error:
        return [line]
