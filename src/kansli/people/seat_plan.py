"""What reading an organization's seats from CSV would do, before anything is written: who
is new, who is already registered (asked about, never merged in silence), which seats are
created, and what stands in the way. The preview shows the plan; the save (services.
seats_import) makes it again inside its transaction and writes it only when nothing stands in
the way."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from kansli.core.tabular import Problem

from . import rules
from .models import MembershipRole, Organization, Party, Person, Term
from .models.membership import CHAIR_ROLES
from .namesakes import NamesakeIndex, namesake_index, namesakes_of
from .seat_csv import SeatRow
from .selectors import overlapping_seats, seated_substitute_orders

NEW = "ny"


@dataclass
class PlannedSeat:
    row: SeatRow
    candidates: list[Person]
    choice: str  # "" (not answered), NEW, or the chosen person's pk
    person: Person | None = None  # the registered person the seat goes to; None: a new one
    order: int | None = None  # the substitute's place (numbered in file order when blank)
    email_change: bool = False

    @property
    def asks(self) -> bool:
        return bool(self.candidates)

    @property
    def answered(self) -> bool:
        return not self.candidates or bool(self.choice)

    @property
    def is_new_person(self) -> bool:
        return self.person is None and self.answered


@dataclass
class SeatPlan:
    term: Term
    organization: Organization
    start: datetime.date
    seats: list[PlannedSeat] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def end(self) -> datetime.date:
        return self.term.end

    @property
    def questions(self) -> list[PlannedSeat]:
        return [s for s in self.seats if not s.answered]

    @property
    def new_persons(self) -> list[PlannedSeat]:
        return [s for s in self.seats if s.is_new_person]

    @property
    def existing_persons(self) -> list[PlannedSeat]:
        return [s for s in self.seats if s.person is not None]

    @property
    def members(self) -> list[PlannedSeat]:
        return [s for s in self.seats if s.row.role != MembershipRole.SUBSTITUTE]

    @property
    def substitutes(self) -> list[PlannedSeat]:
        return [s for s in self.seats if s.row.role == MembershipRole.SUBSTITUTE]

    @property
    def blocking(self) -> list[str]:
        """Everything that stops the save, in Swedish: problems and unanswered questions."""
        return [str(p) for p in self.problems] + [
            f"Rad {s.row.line}: svara på frågan om {s.row} är samma person som den som redan finns."
            for s in self.questions
        ]

    def writing_order(self) -> list[PlannedSeat]:
        """Members first, then substitutes by party and place: each place is then the next
        free one when it is written."""
        return sorted(
            self.seats,
            key=lambda s: (
                s.row.role == MembershipRole.SUBSTITUTE,
                s.row.party_code or "",
                s.order or 0,
            ),
        )


def plan_seats(
    *,
    term: Term,
    organization: Organization,
    rows: list[SeatRow],
    start: datetime.date,
    choices: Mapping[int, str],
    index: NamesakeIndex | None = None,
) -> SeatPlan:
    """The plan for `rows` given the user's answers `choices` (line → NEW or a person's pk)."""
    plan = SeatPlan(term=term, organization=organization, start=start)
    if organization.body_id != term.body_id:
        plan.problems.append(Problem(None, "Organet hör till en annan huvudman än mandatperioden."))
        return plan
    if not term.start <= start <= term.end:
        plan.problems.append(
            Problem(
                None,
                f"Från-dagen {start.isoformat()} ligger utanför mandatperioden {term} "
                f"({term.start.isoformat()}–{term.end.isoformat()}).",
            )
        )
        return plan
    index = namesake_index() if index is None else index
    for row in rows:
        candidates = namesakes_of(row.first_name, row.last_name, row.party, index=index)
        planned = PlannedSeat(row=row, candidates=candidates, choice=choices.get(row.line, ""))
        _choose(plan, planned)
        plan.seats.append(planned)
    _check_existing_seats(plan)
    _number_substitutes(plan)
    return plan


def _choose(plan: SeatPlan, planned: PlannedSeat) -> None:
    if not planned.candidates:
        planned.choice = ""
        return
    if planned.choice == NEW or not planned.choice:
        return
    chosen = next((p for p in planned.candidates if str(p.pk) == planned.choice), None)
    if chosen is None:
        planned.choice = ""
        plan.problems.append(
            Problem(planned.row.line, f"Välj igen vem {planned.row} är: valet finns inte längre.")
        )
        return
    planned.person = chosen
    planned.email_change = bool(planned.row.email) and planned.row.email != chosen.email


def _check_existing_seats(plan: SeatPlan) -> None:
    """A chosen person who already sits in the organization, and a chair role that someone
    already holds, during the period."""
    existing = list(overlapping_seats(plan.organization, plan.start, plan.end))
    by_person = {seat.person_id: seat for seat in existing}
    by_role = {seat.role: seat for seat in existing}
    for planned in plan.seats:
        row = planned.row
        if planned.person is not None and planned.person.pk in by_person:
            seat = by_person[planned.person.pk]
            plan.problems.append(
                Problem(
                    row.line,
                    f"{planned.person} har redan ett uppdrag i {plan.organization} under "
                    f"perioden: {seat.get_role_display().lower()} {seat.start.isoformat()}–"
                    f"{seat.last_day.isoformat() if seat.last_day else ''}.",
                )
            )
        if row.role in CHAIR_ROLES and row.role in by_role:
            seat = by_role[row.role]
            plan.problems.append(
                Problem(
                    row.line,
                    f"{plan.organization} har redan en {row.role.label.lower()} under perioden: "
                    f"{seat.person} ({seat.start.isoformat()}–"
                    f"{seat.last_day.isoformat() if seat.last_day else ''}).",
                )
            )


def _number_substitutes(plan: SeatPlan) -> None:
    """Each party's places: those in the file, or numbered in file order after the places
    already held; together with those already held they must be 1..n."""
    by_party: dict[str | None, list[PlannedSeat]] = {}
    parties: dict[str | None, Party | None] = {}
    for planned in plan.substitutes:
        by_party.setdefault(planned.row.party_code, []).append(planned)
        parties[planned.row.party_code] = planned.row.party
    for code, seats in by_party.items():
        taken = seated_substitute_orders(plan.organization, parties[code], plan.start, plan.end)
        if all(s.row.order is None for s in seats):
            for place, planned in enumerate(seats, start=max(taken, default=0) + 1):
                planned.order = place
        else:
            for planned in seats:
                planned.order = planned.row.order
        orders = taken + [s.order or 0 for s in seats]
        duplicates, missing = rules.substitute_order_faults(orders)
        if duplicates or missing:
            parts = (
                [f"nr {', '.join(map(str, duplicates))} finns flera gånger"] if duplicates else []
            )
            parts += [f"nr {', '.join(map(str, missing))} saknas"] if missing else []
            held = (
                f" (räknat med dem som redan är ersättare: nr {', '.join(map(str, sorted(taken)))})"
                if taken
                else ""
            )
            plan.problems.append(
                Problem(
                    None,
                    f"Ersättarnas ordning för {code or 'partilösa'}: {' och '.join(parts)}"
                    f"{held}. Ordningen ska vara 1–{len(orders)} utan luckor och dubbletter.",
                )
            )
