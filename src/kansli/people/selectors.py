"""Reads of the organisation: bodies, organizations, people and their seats.

Who sits where is public information (members' names in their public roles), so every
viewer sees the same; the viewer is still taken, so that visibility is decided here.
"""

import datetime

from django.db.models import Prefetch, Q, QuerySet

from kansli.core.roles import Viewer

from . import rules
from .models import Body, Membership, MembershipRole, Organization, Party, Person, Term

ROLE_ORDER = {
    MembershipRole.CHAIR: 0,
    MembershipRole.FIRST_VICE_CHAIR: 1,
    MembershipRole.SECOND_VICE_CHAIR: 2,
    MembershipRole.MEMBER: 3,
    MembershipRole.SUBSTITUTE: 4,
}


def organization_list(*, viewer: Viewer | None) -> QuerySet[Organization]:
    return Organization.objects.select_related("body", "parent").order_by("kind", "name")


def organization_get(*, viewer: Viewer | None, pk: int) -> Organization:
    return organization_list(viewer=viewer).get(pk=pk)


def memberships_on(
    *,
    viewer: Viewer | None,
    organization: Organization,
    day: datetime.date,
    party_order: list[str] | None = None,
) -> tuple[list[Membership], list[Membership]]:
    """(members, substitutes) seated on a day, in the order a notice lists them:
    chair roles first, then members by party; substitutes by party and their order."""
    seats = list(
        Membership.objects.filter(organization=organization)
        .filter(held_during(day, day))
        .select_related("person__party")
    )
    order = party_order if party_order is not None else organization.body.party_order_codes
    return _in_notice_order(seats, order)


def _in_notice_order(
    seats: list[Membership], party_order: list[str]
) -> tuple[list[Membership], list[Membership]]:
    """(members, substitutes): chair roles first, then members by party; substitutes by party
    and place."""

    def party_rank(m: Membership) -> int:
        code = m.person.party.code if m.person.party else ""
        return party_order.index(code) if code in party_order else len(party_order)

    members = sorted(
        (m for m in seats if m.is_member),
        key=lambda m: (ROLE_ORDER[MembershipRole(m.role)], party_rank(m), m.pk),
    )
    substitutes = sorted(
        (m for m in seats if not m.is_member),
        key=lambda m: (party_rank(m), m.substitute_order or 0, m.pk),
    )
    return members, substitutes


def membership_history(*, viewer: Viewer | None, organization: Organization) -> list[Membership]:
    """Every seat the organization has had, newest first."""
    return list(
        Membership.objects.filter(organization=organization)
        .select_related("person__party")
        .order_by("-start", "person__last_name")
    )


def person_list(*, viewer: Viewer | None, query: str = "") -> QuerySet[Person]:
    people = Person.objects.select_related("party")
    for word in query.split():
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return people.order_by("last_name", "first_name")


def person_get(*, viewer: Viewer | None, pk: int) -> Person:
    return (
        Person.objects.select_related("party")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organization", "term").order_by(
                    "-start"
                ),
            )
        )
        .get(pk=pk)
    )


def body_named(name: str = "") -> Body:
    """The Body a command works on: the one called `name` (any case), or the only one when no
    name is given; ValueError with a Swedish message otherwise (commands take --huvudman)."""
    bodies = Body.objects.all()
    if name:
        found = bodies.filter(name__iexact=name).first()
        if found is None:
            raise ValueError(f"Det finns ingen huvudman som heter ”{name}”.")
        return found
    count = bodies.count()
    if count == 0:
        raise ValueError("Det finns ingen huvudman. Lägg upp huvudmannen först.")
    if count > 1:
        raise ValueError("Det finns flera huvudmän: ange vilken med --huvudman NAMN.")
    return bodies.get()


def default_body() -> Body:
    """The Body this installation serves (the first one; one Body per installation)."""
    body = Body.objects.order_by("pk").first()
    if body is None:
        raise Body.DoesNotExist(
            "Ingen huvudman är registrerad. Kör `python -m kansli demo_load`"
            " eller lägg till en i administrationen."
        )
    return body


def body_list(*, viewer: Viewer | None) -> QuerySet[Body]:
    """The public bodies (huvudmän) of the installation; public to all."""
    return Body.objects.order_by("pk")


def body_get(*, viewer: Viewer | None, pk: int) -> Body:
    return body_list(viewer=viewer).get(pk=pk)


def term_list(*, viewer: Viewer | None, body: Body | None = None) -> QuerySet[Term]:
    """Terms of office, newest first; public to all."""
    terms = Term.objects.select_related("body")
    if body is not None:
        terms = terms.filter(body=body)
    return terms.order_by("-start", "pk")


def term_get(*, viewer: Viewer | None, pk: int) -> Term:
    return term_list(viewer=viewer).get(pk=pk)


def membership_list(*, viewer: Viewer | None) -> QuerySet[Membership]:
    """Every seat (current and past); who sits where is public."""
    return Membership.objects.select_related("person__party", "organization", "term").order_by(
        "organization", "-start", "pk"
    )


def membership_get(*, viewer: Viewer | None, pk: int) -> Membership:
    return membership_list(viewer=viewer).get(pk=pk)


def held_during(start: datetime.date, end: datetime.date | None) -> Q:
    """Seats held on at least one day of the period. A seat without an end is held until its
    term ends, or for good when it has no term."""
    ends_after_start = (
        Q(end__gte=start)
        | Q(end__isnull=True, term__isnull=True)
        | Q(end__isnull=True, term__end__gte=start)
    )
    return ends_after_start if end is None else ends_after_start & Q(start__lte=end)


def overlapping_seats(
    organization: Organization,
    start: datetime.date,
    end: datetime.date | None,
    exclude_pk: int | None = None,
) -> QuerySet[Membership]:
    """The organization's seats that share a day with the period."""
    seats = Membership.objects.filter(organization=organization).filter(held_during(start, end))
    if exclude_pk is not None:
        seats = seats.exclude(pk=exclude_pk)
    return seats.select_related("person__party", "term")


def seated_substitute_orders(
    organization: Organization,
    party: Party | None,
    start: datetime.date,
    end: datetime.date | None,
) -> list[int]:
    """The places held by the party's substitutes in the organization during the period."""
    return [
        m.substitute_order or 0
        for m in overlapping_seats(organization, start, end).filter(
            role=MembershipRole.SUBSTITUTE, person__party=party
        )
    ]


def term_seats(*, viewer: Viewer | None, term: Term) -> QuerySet[Membership]:
    """The seats of a term: those given for it, and those without a term (imported from old
    notices) that overlap it."""
    undated_overlap = Q(term__isnull=True) & held_during(term.start, term.end)
    return (
        Membership.objects.filter(organization__body=term.body)
        .filter(Q(term=term) | undated_overlap)
        .select_related("person__party", "organization", "term")
    )


def reference_day(term: Term, today: datetime.date) -> datetime.date:
    """The day a term's composition is shown for: today, or the term's first or last day
    when today lies before or after it."""
    return min(max(today, term.start), term.end)


def term_organizations(
    *, viewer: Viewer | None, term: Term, day: datetime.date
) -> list[tuple[Organization, int, int]]:
    """Every organization of the term's body with how many members and substitutes it has
    in the term on `day`, in the order of the organization list."""
    members: dict[int, int] = {}
    substitutes: dict[int, int] = {}
    for seat in term_seats(viewer=viewer, term=term):
        if rules.is_active_on(seat.start, seat.last_day, day):
            counts = members if seat.is_member else substitutes
            counts[seat.organization_id] = counts.get(seat.organization_id, 0) + 1
    return [
        (organization, members.get(organization.pk, 0), substitutes.get(organization.pk, 0))
        for organization in organization_list(viewer=viewer).filter(body=term.body)
    ]


def organization_term_seats(
    *, viewer: Viewer | None, term: Term, organization: Organization
) -> tuple[list[Membership], list[Membership]]:
    """(members, substitutes) of an organization in a term, current and ended alike, in the
    order a notice lists them."""
    seats = list(term_seats(viewer=viewer, term=term).filter(organization=organization))
    return _in_notice_order(seats, organization.body.party_order_codes)


def seated_substitutes(
    *, viewer: Viewer | None, term: Term, organization: Organization, day: datetime.date
) -> list[Membership]:
    """The organization's substitutes of the term who hold their seat on `day`, by party and
    place."""
    _, substitutes = organization_term_seats(viewer=viewer, term=term, organization=organization)
    return [m for m in substitutes if rules.is_active_on(m.start, m.last_day, day)]


def previous_term(*, viewer: Viewer | None, term: Term) -> Term | None:
    """The term before this one (the latest that starts earlier), if any."""
    return (
        Term.objects.filter(body=term.body, start__lt=term.start).order_by("-start", "-pk").first()
    )


def party_list(*, viewer: Viewer | None) -> QuerySet[Party]:
    """The parties, by code; public to all."""
    return Party.objects.order_by("code")


def party_get(*, viewer: Viewer | None, pk: int) -> Party:
    return party_list(viewer=viewer).get(pk=pk)
