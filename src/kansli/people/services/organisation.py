"""Writes for the body, its parties, organizations, terms and officials."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from kansli.core.audit import audit_record
from kansli.core.models import User

from .. import rules
from ..models import Body, Official, Organization, OrganizationKind, Party, Term
from ._common import changes_between, require_manager


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


def _party_checked(party: Party) -> None:
    party.code = " ".join(party.code.split())
    party.name = " ".join(party.name.split())
    errors = {}
    if not party.code:
        errors["code"] = "Ange partiets förkortning, till exempel S eller M."
    elif " " in party.code or "," in party.code or ";" in party.code:
        errors["code"] = "Förkortningen skrivs utan mellanslag, komma och semikolon."
    elif Party.objects.filter(code__iexact=party.code).exclude(pk=party.pk).exists():
        errors["code"] = f"Det finns redan ett parti med förkortningen {party.code}."
    if not party.name:
        errors["name"] = "Ange partiets namn."
    if errors:
        raise ValidationError(errors)
    party.full_clean()


@transaction.atomic
def party_create(*, actor: User | None, code: str, name: str) -> Party:
    require_manager(actor)
    party = Party(code=code, name=name)
    _party_checked(party)
    party.save()
    audit_record(
        actor=actor,
        action="party_create",
        obj=party,
        summary=f"Skapade partiet {party.name} ({party.code}).",
    )
    return party


@transaction.atomic
def party_update(*, actor: User | None, party: Party, code: str, name: str) -> Party:
    require_manager(actor)
    party = Party.objects.select_for_update().get(pk=party.pk)
    before = {"code": party.code, "name": party.name}
    party.code, party.name = code, name
    _party_checked(party)
    party.save()
    audit_record(
        actor=actor,
        action="party_update",
        obj=party,
        summary=f"Ändrade partiet {party.name} ({party.code}).",
        changes=changes_between(before, {"code": party.code, "name": party.name}),
    )
    return party


def _organization_checked(organization: Organization) -> None:
    organization.name = " ".join(organization.name.split())
    organization.short_name = " ".join(organization.short_name.split())
    organization.email = organization.email.strip()
    errors = {}
    if not organization.name:
        errors["name"] = "Ange organets namn."
    elif (
        Organization.objects.filter(body=organization.body, name__iexact=organization.name)
        .exclude(pk=organization.pk)
        .exists()
    ):
        errors["name"] = f"Det finns redan ett organ som heter {organization.name}."
    parent = organization.parent
    if parent is not None:
        if parent.body_id != organization.body_id:
            errors["parent"] = "Det överordnade organet hör till en annan huvudman."
        elif organization.pk is not None and _is_below(parent, organization):
            errors["parent"] = (
                "Ett organ kan inte ligga under sig självt eller under ett av sina egna "
                "underordnade organ."
            )
    if errors:
        raise ValidationError(errors)
    organization.full_clean()


def _is_below(candidate: Organization, organization: Organization) -> bool:
    """`candidate` is `organization` itself or lies somewhere below it."""
    seen: set[int] = set()
    node: Organization | None = candidate
    while node is not None and node.pk not in seen:
        if node.pk == organization.pk:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


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
    email: str = "",
) -> Organization:
    require_manager(actor)
    organization = Organization(
        body=body,
        name=name,
        kind=kind,
        short_name=short_name,
        parent=parent,
        notice_days=notice_days,
        email=email,
    )
    _organization_checked(organization)
    organization.save()
    audit_record(
        actor=actor,
        action="organization_create",
        obj=organization,
        summary=f"Skapade organet {organization.name}.",
        scope=f"organization:{organization.pk}",
    )
    return organization


_ORGANIZATION_FIELDS = ("name", "short_name", "kind", "parent_id", "email", "notice_days")


@transaction.atomic
def organization_update(
    *,
    actor: User | None,
    organization: Organization,
    name: str,
    kind: OrganizationKind | str,
    short_name: str = "",
    parent: Organization | None = None,
    notice_days: int = 5,
    email: str = "",
) -> Organization:
    require_manager(actor)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    before = {field: getattr(organization, field) for field in _ORGANIZATION_FIELDS}
    organization.name = name
    organization.kind = kind
    organization.short_name = short_name
    organization.parent = parent
    organization.notice_days = notice_days
    organization.email = email
    _organization_checked(organization)
    organization.save()
    after = {field: getattr(organization, field) for field in _ORGANIZATION_FIELDS}
    audit_record(
        actor=actor,
        action="organization_update",
        obj=organization,
        summary=f"Ändrade organet {organization.name}.",
        scope=f"organization:{organization.pk}",
        changes=changes_between(before, after),
    )
    return organization


def _term_checked(term: Term) -> None:
    term.name = " ".join(term.name.split())
    errors = {}
    if not term.name:
        errors["name"] = "Ange mandatperiodens namn, till exempel 2023–2026."
    elif Term.objects.filter(body=term.body, name__iexact=term.name).exclude(pk=term.pk).exists():
        errors["name"] = f"Det finns redan en mandatperiod som heter {term.name}."
    if not rules.period_is_ordered(term.start, term.end):
        errors["end"] = "Mandatperioden kan inte sluta innan den börjar."
    if errors:
        raise ValidationError(errors)
    term.full_clean()


@transaction.atomic
def term_create(
    *,
    actor: User | None,
    body: Body,
    name: str,
    start: datetime.date,
    end: datetime.date,
) -> Term:
    require_manager(actor)
    term = Term(body=body, name=name, start=start, end=end)
    _term_checked(term)
    term.save()
    audit_record(
        actor=actor,
        action="term_create",
        obj=term,
        summary=f"Skapade mandatperioden {term} ({start.isoformat()}–{end.isoformat()}).",
    )
    return term


@transaction.atomic
def term_update(
    *,
    actor: User | None,
    term: Term,
    name: str,
    start: datetime.date,
    end: datetime.date,
) -> Term:
    """Rename a term or move its dates; refused when a seat of the term would fall outside."""
    require_manager(actor)
    term = Term.objects.select_for_update().get(pk=term.pk)
    before = {"name": term.name, "start": term.start, "end": term.end}
    term.name, term.start, term.end = name, start, end
    _term_checked(term)
    outside = (
        term.memberships.filter(Q(start__lt=start) | Q(start__gt=end) | Q(end__gt=end))
        .select_related("person", "organization")
        .first()
    )
    if outside is not None:
        raise ValidationError(
            f"Uppdraget {outside} ({outside.start.isoformat()}–"
            f"{outside.end.isoformat() if outside.end else ''}) skulle hamna utanför "
            "mandatperioden. Ändra eller avsluta uppdraget först."
        )
    term.save()
    audit_record(
        actor=actor,
        action="term_update",
        obj=term,
        summary=f"Ändrade mandatperioden {term}.",
        changes=changes_between(before, {"name": term.name, "start": term.start, "end": term.end}),
    )
    return term


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
