"""What copying the previous term's seats into a new term would do: per organization, the
seats held on the previous term's last day (who left during it is not copied), or why the
organization is skipped. Reads only; services.term_copy_seats writes it."""

from dataclasses import dataclass, field

from .models import Membership, MembershipRole, Organization, Term
from .rules import is_active_on
from .selectors import (
    organization_list,
    organization_term_seats,
    overlapping_seats,
    previous_term,
)


@dataclass
class CopiedSeat:
    source: Membership
    substitute_order: int | None  # the place in the new term (renumbered 1..n per party)

    @property
    def renumbered(self) -> bool:
        return self.substitute_order != self.source.substitute_order


@dataclass
class OrganizationCopy:
    organization: Organization
    seats: list[CopiedSeat] = field(default_factory=list)
    skipped: str = ""  # why nothing is copied, in Swedish

    @property
    def members(self) -> int:
        return sum(1 for s in self.seats if s.source.is_member)

    @property
    def substitutes(self) -> int:
        return len(self.seats) - self.members

    @property
    def renumbered(self) -> bool:
        return any(s.renumbered for s in self.seats)


@dataclass
class CopyPlan:
    term: Term
    source: Term | None
    organizations: list[OrganizationCopy] = field(default_factory=list)

    @property
    def copied(self) -> list[OrganizationCopy]:
        return [o for o in self.organizations if o.seats and not o.skipped]

    @property
    def skipped(self) -> list[OrganizationCopy]:
        return [o for o in self.organizations if o.skipped]

    @property
    def seat_count(self) -> int:
        return sum(len(o.seats) for o in self.copied)


def plan_copy(*, term: Term) -> CopyPlan:
    source = previous_term(viewer=None, term=term)
    plan = CopyPlan(term=term, source=source)
    if source is None:
        return plan
    for organization in organization_list(viewer=None).filter(body=term.body):
        members, substitutes = organization_term_seats(
            viewer=None, term=source, organization=organization
        )
        held = [m for m in members + substitutes if is_active_on(m.start, m.last_day, source.end)]
        if not held:
            continue
        entry = OrganizationCopy(organization=organization)
        already = overlapping_seats(organization, term.start, term.end).count()
        if already:
            entry.skipped = (
                f"har redan {already} uppdrag under mandatperioden {term}; lägg till eller "
                "avsluta uppdrag där i stället"
            )
        else:
            entry.seats = _renumbered(held)
        plan.organizations.append(entry)
    return plan


def _renumbered(seats: list[Membership]) -> list[CopiedSeat]:
    """The seats with each party's substitutes numbered 1..n in their old order (a
    substitute who left during the old term leaves no gap in the new)."""
    places: dict[int | None, int] = {}
    copied = []
    for seat in seats:  # substitutes come by party and place
        order = None
        if seat.role == MembershipRole.SUBSTITUTE:
            party = seat.person.party_id
            places[party] = places.get(party, 0) + 1
            order = places[party]
        copied.append(CopiedSeat(source=seat, substitute_order=order))
    return copied
