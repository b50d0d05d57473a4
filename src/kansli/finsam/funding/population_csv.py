"""The municipalities' numbers of inhabitants as CSV, as SCB's statistical database exports
them (Folkmängd efter region) or typed by hand:

    kommun,invånare            region;2023
    Lindesberg,23710           "1885 Lindesberg";23710

The first column is the municipality: its name, optionally after SCB's four-digit code and
with or without "kommun". The second is the number, digits only. The file is read by the
shared import kit (kansli.core.tabular): comma, semicolon or tab between the fields; UTF-8,
Windows-1252 as SCB saves it, or UTF-16; or an Excel workbook. A municipality is matched
against the municipalities that are members of the body's federations (one municipality can
be in several). Every problem is reported with its line, and a file with any problem gives
nothing.
"""

import re
from dataclasses import dataclass, field

from kansli.core.roles import Viewer
from kansli.core.tabular import Column, Problem, read_sheet
from kansli.people.models import Body

from ..models import FederationMember
from ..selectors import municipalities
from ..services import MAX_INHABITANTS

MAX_BYTES = 1_000_000
HEADER_WITHIN = 5  # SCB puts a title line or two above the table
FIRST_COLUMN = Column("municipality", ("kommun", "region", "namn"))
SECOND_COLUMN = Column(
    "inhabitants", ("invånare", "invånarantal", "folkmängd", "antal"), pattern=r"(19|20)\d\d"
)
_CODE = re.compile(r"^\d{4}\s+")


@dataclass
class Populations:
    inhabitants: dict[FederationMember, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"  # as the kit names it: "utf-8", "windows-1252", "xlsx" …
    notice: str = ""  # "Filen lästes som Windows-1252 (ANSI)."

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


def _header_ok(cells: list[str]) -> bool:
    return len(cells) == 2 and FIRST_COLUMN.matches(cells[0]) and SECOND_COLUMN.matches(cells[1])


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
    sheet = read_sheet(data, max_bytes=MAX_BYTES, empty="Första raden ska vara kommun,invånare.")
    result.encoding, result.notice = sheet.encoding, sheet.notice
    if not sheet.ok:
        problems.extend(sheet.problems)
        return result
    records = sheet.records
    start = next(
        (i for i, (_, cells) in enumerate(records[:HEADER_WITHIN]) if _header_ok(cells)), None
    )
    if start is None:
        first = (sheet.delimiter or ";").join(records[0][1])
        problems.append(
            Problem(
                records[0][0],
                "Hittar ingen rubrikrad ”kommun,invånare” (eller SCB:s ”region,ÅR”) bland "
                f"de första raderna; första raden är ”{first[:80]}”.",
            )
        )
        return result
    members = municipalities(viewer=viewer, body=body)
    by_key: dict[str, list[FederationMember]] = {}
    for member in members:  # "Lindesbergs kommun" as a member is found as "Lindesberg" too
        for key in dict.fromkeys([municipality_key(member.name), *name_keys(member.name)]):
            by_key.setdefault(key, []).append(member)
    seen: dict[str, int] = {}
    for number, row in records[start + 1 :]:
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
