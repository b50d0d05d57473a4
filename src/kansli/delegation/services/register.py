"""Delegated decisions and communications, registered as they come to the registry."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import not_future, text_field
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Organization
from kansli.registry.models import Case

from ..models import Communication, DelegatedDecision, DelegationPoint
from ..permissions import REGISTER_DECISIONS
from ._common import check_organization


def _check_case(errors: dict[str, str], case: Case | None, organization: Organization) -> None:
    if case is not None and case.body_id != organization.body_id:
        errors["case"] = f"Ärende {case.number} hör till en annan huvudman."


def _registrant(actor: User | None) -> User | None:
    return actor if actor is not None and actor.pk else None


@transaction.atomic
def delegated_decision_register(
    *,
    actor: User | None,
    organization: Organization,
    point: DelegationPoint | None,
    decided_by: str,
    decided_on: datetime.date,
    summary: str,
    case: Case | None = None,
    urgent: bool = False,
) -> DelegatedDecision:
    """Register a decision taken under delegation from `organization`. The point must be one
    of the organization's own delegation order and in force."""
    if actor is not None:
        require(actor, REGISTER_DECISIONS)
    check_organization(organization)
    errors: dict[str, str] = {}
    if point is not None:  # as stored now: the form's copy may be stale
        point = DelegationPoint.objects.get(pk=point.pk)
    if point is None:
        errors["point"] = "Ange punkten i delegationsordningen som beslutet fattades enligt."
    elif point.organization_id != organization.pk:
        errors["point"] = (
            f"Punkt {point.code} finns inte i delegationsordningen för {organization}."
        )
    elif not point.is_active:
        errors["point"] = f"Punkt {point.code} gäller inte längre i delegationsordningen."
    decided_by = text_field(errors, "decided_by", decided_by, 200, "Ange vem som fattade beslutet.")
    summary = text_field(
        errors,
        "summary",
        summary,
        1000,
        "Beskriv beslutet i en mening, till exempel ”Regiondirektören har fattat beslut om …”.",
    )
    not_future(errors, "decided_on", decided_on, "Beslutsdatumet")
    _check_case(errors, case, organization)
    if errors:
        raise ValidationError(errors)
    assert point is not None
    decision = DelegatedDecision(
        organization=organization,
        point=point,
        decided_by=decided_by,
        decided_on=decided_on,
        summary=summary,
        case=case,
        urgent=urgent,
        registered_by=_registrant(actor),
    )
    decision.full_clean()
    decision.save()
    audit_record(
        actor=actor,
        action="delegated_decision_register",
        obj=decision,
        scope=f"case:{case.pk}" if case else f"organization:{organization.pk}",
        summary=f"Registrerade delegationsbeslut enligt punkt {point.code}, "
        f"{decided_on.isoformat()}: {summary[:120]}",
    )
    return decision


@transaction.atomic
def communication_register(
    *,
    actor: User | None,
    organization: Organization,
    received_on: datetime.date,
    sender: str,
    summary: str,
    case: Case | None = None,
) -> Communication:
    """Register incoming information to be reported to `organization` (meddelandeärende)."""
    if actor is not None:
        require(actor, REGISTER_DECISIONS)
    check_organization(organization)
    errors: dict[str, str] = {}
    sender = text_field(errors, "sender", sender, 200, "Ange avsändaren.")
    summary = text_field(
        errors,
        "summary",
        summary,
        1000,
        "Beskriv meddelandet i en mening, till exempel ”Länsstyrelsen har överlämnat …”.",
    )
    not_future(errors, "received_on", received_on, "Inkomstdagen")
    _check_case(errors, case, organization)
    if errors:
        raise ValidationError(errors)
    communication = Communication(
        organization=organization,
        received_on=received_on,
        sender=sender,
        summary=summary,
        case=case,
        registered_by=_registrant(actor),
    )
    communication.full_clean()
    communication.save()
    audit_record(
        actor=actor,
        action="communication_register",
        obj=communication,
        scope=f"case:{case.pk}" if case else f"organization:{organization.pk}",
        summary=f"Registrerade meddelande från {sender}, {received_on.isoformat()}.",
    )
    return communication
