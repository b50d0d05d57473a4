"""Versions of a federation's förbundsordning and each member's adoption of them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.models import User

from ..models import CharterAdoption, CharterVersion, Federation, FederationMember
from ._guard import require_finsam, scope_of


@transaction.atomic
def charter_propose(
    *,
    actor: User | None,
    federation: Federation,
    title: str,
    proposed_on: datetime.date,
    case_number: str = "",
) -> CharterVersion:
    require_finsam(actor)
    charter = CharterVersion(
        federation=federation,
        title=" ".join(title.split()),
        proposed_on=proposed_on,
        case_number=" ".join(case_number.split()),
    )
    charter.full_clean()
    charter.save()
    audit_record(
        actor=actor,
        action="charter_propose",
        obj=charter,
        scope=scope_of(federation),
        summary=f"Förslag till förbundsordning för {federation.name}: {charter.title}.",
    )
    return charter


@transaction.atomic
def charter_adopt(
    *,
    actor: User | None,
    charter: CharterVersion,
    member: FederationMember,
    adopted_on: datetime.date,
    reference: str = "",
) -> CharterAdoption:
    require_finsam(actor)
    if member.federation_id != charter.federation_id:
        raise ValidationError(f"{member.name} är inte medlem i {charter.federation.name}.")
    if adopted_on < charter.proposed_on:
        raise ValidationError("En förbundsordning kan inte antas före förslagets datum.")
    if adopted_on > timezone.localdate():
        raise ValidationError("Ett antagande kan inte dateras i framtiden.")
    if CharterAdoption.objects.filter(charter=charter, member=member).exists():
        raise ValidationError(f"{member.name} har redan antagit förbundsordningen.")
    adoption = CharterAdoption(
        charter=charter, member=member, adopted_on=adopted_on, reference=reference.strip()
    )
    adoption.full_clean()
    adoption.save()
    audit_record(
        actor=actor,
        action="charter_adopt",
        obj=adoption,
        scope=scope_of(charter.federation),
        summary=f"{member.name} antog {charter.title} den {adopted_on.isoformat()}.",
    )
    return adoption
