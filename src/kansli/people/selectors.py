"""Reads of the organisation: bodies, organizations, people and their seats.

Who sits where is public information (members' names in their public roles), so every
viewer sees the same; the viewer is still taken, so that visibility is decided here.
"""

import datetime

from django.db.models import Prefetch, Q, QuerySet

from kansli.core.roles import Viewer

from .models import Body, Membership, MembershipRole, Organization, Person, Term

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
    seats = [
        m
        for m in Membership.objects.filter(organization=organization, start__lte=day)
        .exclude(end__lt=day)
        .select_related("person__party")
    ]
    order = party_order if party_order is not None else organization.body.party_order_codes

    def party_rank(m: Membership) -> int:
        code = m.person.party.code if m.person.party else ""
        return order.index(code) if code in order else len(order)

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
