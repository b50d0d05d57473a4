"""Writes for bodies, organizations, parties, people, memberships and officials.

Each function: keyword-only arguments, a required actor, one transaction, full_clean()
before save and an audit row. Bad input raises ValidationError with a Swedish message.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import can_manage_people

from . import rules
from .models import (
    Body,
    Membership,
    MembershipRole,
    Official,
    Organization,
    OrganizationKind,
    Party,
    Person,
    Term,
)
from .models.membership import CHAIR_ROLES

_DENIED = "Du har inte behörighet att ändra organisation och förtroendevalda."


@transaction.atomic
def body_create(
    *,
    actor: User | None,
    name: str,
    short_name: str = "",
    case_number_format: str = "{YY}{SERIES}{N}",
    party_order: str = "",
) -> Body:
    body = Body(
        name=name,
        short_name=short_name,
        case_number_format=case_number_format,
        party_order=party_order,
    )
    body.full_clean()
    body.save()
    audit_record(actor=actor, action="body_create", obj=body, summary=f"Skapade {body}.")
    return body


@transaction.atomic
def party_create(*, actor: User | None, code: str, name: str) -> Party:
    party = Party(code=code.strip(), name=name.strip())
    party.full_clean()
    party.save()
    audit_record(
        actor=actor,
        action="party_create",
        obj=party,
        summary=f"Skapade partiet {party.name} ({party.code}).",
    )
    return party


@transaction.atomic
def organization_create(
    *,
    actor: User | None,
    body: Body,
    name: str,
    kind: OrganizationKind | str,
    short_name: str = "",
    parent: Organization | None = None,
    notice_days: int = 5,
) -> Organization:
    if actor is not None:
        require(actor, can_manage_people, _DENIED)
    organization = Organization(
        body=body,
        name=name.strip(),
        kind=kind,
        short_name=short_name,
        parent=parent,
        notice_days=notice_days,
    )
    organization.full_clean()
    organization.save()
    audit_record(
        actor=actor,
        action="organization_create",
        obj=organization,
        summary=f"Skapade organet {organization.name}.",
        scope=f"organization:{organization.pk}",
    )
    return organization


@transaction.atomic
def term_create(
    *,
    actor: User | None,
    body: Body,
    name: str,
    start: datetime.date,
    end: datetime.date,
) -> Term:
    if not rules.period_is_ordered(start, end):
        raise ValidationError({"end": "Mandatperioden kan inte sluta innan den börjar."})
    term = Term(body=body, name=name, start=start, end=end)
    term.full_clean()
    term.save()
    audit_record(actor=actor, action="term_create", obj=term, summary=f"Skapade {term}.")
    return term


@transaction.atomic
def person_create(
    *,
    actor: User | None,
    first_name: str,
    last_name: str,
    party: Party | None = None,
    user: User | None = None,
    email: str = "",
) -> Person:
    if actor is not None:
        require(actor, can_manage_people, _DENIED)
    person = Person(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        party=party,
        user=user,
        email=email.strip(),
    )
    person.full_clean()
    person.save()
    audit_record(
        actor=actor,
        action="person_create",
        obj=person,
        summary=f"Registrerade förtroendevald {person}.",
        scope=f"person:{person.pk}",
    )
    return person


@transaction.atomic
def membership_create(
    *,
    actor: User | None,
    person: Person,
    organization: Organization,
    role: MembershipRole | str,
    start: datetime.date,
    end: datetime.date | None = None,
    term: Term | None = None,
    substitute_order: int | None = None,
    replaces: Membership | None = None,
) -> Membership:
    """Give a person a seat. Refuses an end before the start and a second holder of a
    chair role (ordförande, vice, 2:e vice) in the same organization at the same time — except
    the seat this one `replaces` (a by-election: the old seat ends the day the new begins)."""
    if actor is not None:
        require(actor, can_manage_people, _DENIED)
    if not rules.period_is_ordered(start, end):
        raise ValidationError({"end": "Uppdraget kan inte sluta innan det börjar."})
    # Lock the organization so two concurrent appointments to one chair role serialise.
    Organization.objects.select_for_update().get(pk=organization.pk)
    role = MembershipRole(role)
    if role in CHAIR_ROLES:
        _refuse_second_chair(
            organization, role, start, end, exclude_pk=replaces.pk if replaces else None
        )
    if role == MembershipRole.SUBSTITUTE and substitute_order is None:
        substitute_order = _next_substitute_order(organization, person, start)
    membership = Membership(
        person=person,
        organization=organization,
        role=role,
        start=start,
        end=end,
        term=term,
        substitute_order=substitute_order,
    )
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        action="membership_create",
        obj=membership,
        summary=f"{person} blev {role.label.lower()} i {organization}, "
        f"{start.isoformat()}–{end.isoformat() if end else ''}.",
        scope=f"person:{person.pk}",
    )
    return membership


@transaction.atomic
def membership_end(*, actor: User | None, membership: Membership, end: datetime.date) -> Membership:
    """End a seat on a given day (a resignation granted, a term over)."""
    if actor is not None:
        require(actor, can_manage_people, _DENIED)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not rules.period_is_ordered(membership.start, end):
        raise ValidationError({"end": "Uppdraget kan inte sluta innan det börjar."})
    before = membership.end
    membership.end = end
    membership.full_clean()
    membership.save(update_fields=["end"])
    audit_record(
        actor=actor,
        action="membership_end",
        obj=membership,
        summary=f"Avslutade uppdraget {membership} per {end.isoformat()}.",
        changes={"end": [str(before) if before else None, end.isoformat()]},
        scope=f"person:{membership.person_id}",
    )
    return membership


def _refuse_second_chair(
    organization: Organization,
    role: MembershipRole,
    start: datetime.date,
    end: datetime.date | None,
    exclude_pk: int | None,
) -> None:
    holders = Membership.objects.filter(organization=organization, role=role).select_related(
        "person__party"
    )
    if exclude_pk is not None:
        holders = holders.exclude(pk=exclude_pk)
    for other in holders:
        if rules.periods_overlap(start, end, other.start, other.end):
            raise ValidationError(
                {
                    "role": f"{organization} har redan en {role.label.lower()} under perioden: "
                    f"{other.person} ({other.start.isoformat()}–"
                    f"{other.end.isoformat() if other.end else ''})."
                }
            )


def _next_substitute_order(organization: Organization, person: Person, start: datetime.date) -> int:
    same_party = Membership.objects.filter(
        organization=organization,
        role=MembershipRole.SUBSTITUTE,
        person__party=person.party,
    ).exclude(end__lt=start)
    orders = [m.substitute_order or 0 for m in same_party]
    return max(orders, default=0) + 1


@transaction.atomic
def official_create(
    *,
    actor: User | None,
    body: Body,
    name: str,
    unit: str = "",
    title: str = "",
    user: User | None = None,
) -> Official:
    official = Official(
        body=body, name=name.strip(), unit=unit.strip(), title=title.strip(), user=user
    )
    official.full_clean()
    official.save()
    audit_record(
        actor=actor,
        action="official_create",
        obj=official,
        summary=f"Registrerade tjänstepersonen {official}.",
    )
    return official
