"""An organization's members and substitutes as CSV, as a secretary writes them:

    namn;parti;roll;ordning;e-post
    Anna Exempelsson;S;Ordförande;;anna.exempelsson@example.se
    Berg, Bertil;M;1:e vice ordförande;;
    Cecilia Prov;S;ersättare;1;

Columns name, party, role and order (Swedish namn, parti, roll, ordning), e-mail (e-post) if
wanted, in any order; names as "Förnamn Efternamn" (the first word is the first name) or
"Efternamn, Förnamn"; roles as people write them, in any case. The file (CSV in any encoding
the kit reads, separator semicolon, comma or tab, or an Excel workbook) is read by the shared
import kit, kansli.core.tabular; this module holds what is particular to seats. Every problem
is reported with its line; a file with any problem gives no rows.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kansli.core.tabular import (
    Column,
    NumberError,
    Problem,
    Table,
    parse_integer,
    read_table,
    read_table_text,
)

from .email import is_email_address
from .models import MembershipRole, Party
from .models.membership import CHAIR_ROLES
from .rules import namesake_key

MAX_BYTES = 1_000_000  # a term's seats of every organization fit in a few tens of kilobytes
MAX_ROWS = 1_000
MAX_ORDER = 999
SPLIT_ADVICE = "Dela upp den per organ."

COLUMNS = (
    Column("name", ("namn", "name", "förtroendevald", "person")),
    Column("party", ("parti", "party")),
    Column("role", ("roll", "role", "uppdrag")),
    Column("order", ("ordning", "order", "ersättarordning", "nr")),
    Column(
        "email",
        ("e-post", "epost", "e-postadress", "email", "e-mail", "mejl", "mail"),
        required=False,
    ),
)
_NO_PARTY = {"-", "–", "—", "partilös", "ingen", "inget"}

_ROLE_WORDS = {
    "ordförande": MembershipRole.CHAIR,
    "ordf": MembershipRole.CHAIR,
    "vice ordförande": MembershipRole.FIRST_VICE_CHAIR,
    "förste vice ordförande": MembershipRole.FIRST_VICE_CHAIR,
    "första vice ordförande": MembershipRole.FIRST_VICE_CHAIR,
    "1 vice ordförande": MembershipRole.FIRST_VICE_CHAIR,
    "vice ordf": MembershipRole.FIRST_VICE_CHAIR,
    "1 vice ordf": MembershipRole.FIRST_VICE_CHAIR,
    "2 vice ordförande": MembershipRole.SECOND_VICE_CHAIR,
    "andre vice ordförande": MembershipRole.SECOND_VICE_CHAIR,
    "andra vice ordförande": MembershipRole.SECOND_VICE_CHAIR,
    "2 vice ordf": MembershipRole.SECOND_VICE_CHAIR,
    "ledamot": MembershipRole.MEMBER,
    "ordinarie ledamot": MembershipRole.MEMBER,
    "ord ledamot": MembershipRole.MEMBER,
    "ersättare": MembershipRole.SUBSTITUTE,
    "ers": MembershipRole.SUBSTITUTE,
    "suppleant": MembershipRole.SUBSTITUTE,
    # the English words, as the column names may be English too
    "chair": MembershipRole.CHAIR,
    "vice chair": MembershipRole.FIRST_VICE_CHAIR,
    "first vice chair": MembershipRole.FIRST_VICE_CHAIR,
    "second vice chair": MembershipRole.SECOND_VICE_CHAIR,
    "member": MembershipRole.MEMBER,
    "substitute": MembershipRole.SUBSTITUTE,
}
ROLE_HELP = (
    "Skriv ordförande, vice ordförande (eller 1:e vice ordförande), 2:e vice ordförande, "
    "ledamot eller ersättare."
)
_ORDINAL = re.compile(r"\b([12])\s*:?\s*(?:e|a)?\b\.?")


def parse_role(text: str) -> MembershipRole | None:
    """A role as people write it: "Ordförande", "1:e vice ordförande", "2:a vice ordf.",
    "ERSÄTTARE" …; None when it is not one."""
    words = text.casefold().replace(".", " ").replace("-", " ")
    words = _ORDINAL.sub(lambda m: f"{m.group(1)} ", words)
    return _ROLE_WORDS.get(" ".join(words.split()))


def split_name(text: str) -> tuple[str, str] | None:
    """(first name, last name) of "Förnamn Efternamn" or "Efternamn, Förnamn"."""
    text = " ".join(text.split())
    if "," in text:
        last, _, first = text.partition(",")
        first, last = first.strip(), last.strip()
    else:
        first, _, last = text.partition(" ")
    if not first or not last or "," in first:
        return None
    return first, last


@dataclass(frozen=True)
class SeatRow:
    line: int
    first_name: str
    last_name: str
    party: Party | None
    role: MembershipRole
    order: int | None
    email: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def party_code(self) -> str | None:
        return self.party.code if self.party else None

    def __str__(self) -> str:
        return f"{self.name} ({self.party_code})" if self.party else self.name


@dataclass
class SeatSheet:
    text: str = ""  # the table as text, carried by the preview to the save
    rows: list[SeatRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notice: str = ""  # what the file was read as: "Filen lästes som Windows-1252 (ANSI)."

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def read_bytes(data: bytes, parties: Iterable[Party], filename: str | None = None) -> SeatSheet:
    """An uploaded CSV file or Excel workbook."""
    table = read_table(
        data,
        columns=COLUMNS,
        max_bytes=MAX_BYTES,
        max_rows=MAX_ROWS,
        filename=filename,
        advice=SPLIT_ADVICE,
    )
    return _read(table, parties)


def read_text(text: str, parties: Iterable[Party]) -> SeatSheet:
    """Pasted rows, or the text a preview carried."""
    table = read_table_text(
        text, columns=COLUMNS, max_bytes=MAX_BYTES, max_rows=MAX_ROWS, advice=SPLIT_ADVICE
    )
    return _read(table, parties)


def _read(table: Table, parties: Iterable[Party]) -> SeatSheet:
    sheet = SeatSheet(text=table.text, problems=table.problems, notice=table.notice)
    if not table.ok:
        return sheet
    problems = sheet.problems
    by_code = {p.code.casefold(): p for p in parties}
    by_name = {p.name.casefold(): p for p in by_code.values()}
    unknown: dict[str, list[int]] = {}
    context = _Context(by_code, by_name, unknown, problems)
    for line, values in table.rows:
        row = context.row(line, values)
        if row is not None:
            sheet.rows.append(row)
    for code, where in unknown.items():
        problems.append(
            Problem(
                None,
                f"Partiet ”{code}” finns inte i Kansli (rad {', '.join(map(str, where))}). "
                "Lägg till det under Partier (förkortning och namn) och läs in filen igen, "
                "eller rätta förkortningen i filen.",
            )
        )
    _check_duplicates(sheet.rows, problems)
    if problems:
        sheet.rows = []
    return sheet


@dataclass
class _Context:
    by_code: dict[str, Party]
    by_name: dict[str, Party]
    unknown: dict[str, list[int]]
    problems: list[Problem]

    def row(self, line: int, values: dict[str, str]) -> SeatRow | None:
        def cell(column: str) -> str:
            return " ".join(values.get(column, "").split())

        problems = self.problems
        before = len(problems)
        name = cell("name")
        split = split_name(name) if name else None
        if not name:
            problems.append(Problem(line, "Namnet saknas."))
        elif split is None:
            problems.append(
                Problem(
                    line,
                    f"”{name[:80]}” är inte ett helt namn. Skriv ”Förnamn Efternamn” eller "
                    "”Efternamn, Förnamn”.",
                )
            )
        elif max(len(split[0]), len(split[1])) > 100:
            problems.append(Problem(line, "Namnet är för långt (högst 100 tecken per del)."))
        party_known, party = self._party(line, cell("party"))
        role_text = cell("role")
        role = parse_role(role_text)
        if role is None:
            problems.append(
                Problem(line, f"Okänd roll ”{role_text[:40]}”. {ROLE_HELP}")
                if role_text
                else Problem(line, f"Rollen saknas. {ROLE_HELP}")
            )
        order = self._order(line, cell("order"), role)
        email = cell("email")
        if email and not is_email_address(email):
            problems.append(Problem(line, f"”{email[:80]}” är ingen giltig e-postadress."))
        if len(problems) > before or split is None or role is None or not party_known:
            return None
        return SeatRow(line, split[0], split[1], party, role, order, email)

    def _party(self, line: int, text: str) -> tuple[bool, Party | None]:
        """(found, the party): found with None for one without party; not found when the
        cell is empty or names no registered party."""
        if not text:
            self.problems.append(
                Problem(line, "Partiet saknas. Skriv partiets förkortning, eller - för partilös.")
            )
            return False, None
        folded = text.casefold()
        if folded in _NO_PARTY:
            return True, None
        party = self.by_code.get(folded) or self.by_name.get(folded)
        if party is None:
            self.unknown.setdefault(text, []).append(line)
            return False, None
        return True, party

    def _order(self, line: int, text: str, role: MembershipRole | None) -> int | None:
        if not text:
            return None
        if role is not None and role != MembershipRole.SUBSTITUTE:
            self.problems.append(
                Problem(line, "Ordning anges bara för ersättare; lämna den tom för ledamöter.")
            )
            return None
        try:
            order = parse_integer(text, suffixes=())
        except NumberError:
            order = 0
        if not 1 <= order <= MAX_ORDER:
            self.problems.append(
                Problem(line, f"Ordningen ”{text[:20]}” ska vara ett heltal, 1 eller större.")
            )
            return None
        return order


def _check_duplicates(rows: list[SeatRow], problems: list[Problem]) -> None:
    """The same person twice, a chair role twice, and a party whose substitutes have an
    order on some lines but not on others."""
    seen: dict[tuple[str, str], int] = {}
    chairs: dict[MembershipRole, SeatRow] = {}
    for row in rows:
        key = namesake_key(row.first_name, row.last_name, row.party_code)
        if key in seen:
            problems.append(Problem(row.line, f"{row} står redan på rad {seen[key]}."))
        else:
            seen[key] = row.line
        if row.role in CHAIR_ROLES:
            if row.role in chairs:
                other = chairs[row.role]
                problems.append(
                    Problem(
                        row.line,
                        f"{row.role.label} står redan på rad {other.line} ({other.name}); ett "
                        f"organ har en {row.role.label.lower()} åt gången.",
                    )
                )
            else:
                chairs[row.role] = row
    by_party: dict[str | None, list[SeatRow]] = {}
    for row in rows:
        if row.role == MembershipRole.SUBSTITUTE:
            by_party.setdefault(row.party_code, []).append(row)
    for code, substitutes in by_party.items():
        without = [r.line for r in substitutes if r.order is None]
        if without and len(without) < len(substitutes):
            problems.append(
                Problem(
                    None,
                    f"Ersättarna för {code or 'partilösa'}: ange ordning på alla rader eller "
                    f"på ingen (rad {', '.join(map(str, without))} saknar ordning).",
                )
            )
