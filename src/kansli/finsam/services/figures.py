"""The state's amounts and the follow-up figures of a year."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.models import User

from .. import rules
from ..models import (
    ExtraFunds,
    Federation,
    FollowUp,
    StateAllocation,
)
from ._guard import MAX_AMOUNT, require_finsam, scope_of


@transaction.atomic
def state_allocations_record(
    *, actor: User | None, year: int, amounts: dict[Federation, int]
) -> list[StateAllocation]:
    """The state's amounts for a year, all federations at once: a second entry for the same
    year replaces the first (Försäkringskassan may correct its decision)."""
    require_finsam(actor)
    errors = []
    if not 2000 <= year <= 2100:
        errors.append(f"Året {year} är inte rimligt.")
    for federation, amount in amounts.items():
        if amount < 0:
            errors.append(f"{federation.short_name}: beloppet får inte vara negativt.")
        elif amount > MAX_AMOUNT:
            errors.append(f"{federation.short_name}: beloppet är orimligt stort.")
    if not amounts:
        errors.append("Ange statens bidrag för minst ett förbund.")
    if errors:
        raise ValidationError(errors)
    saved = []
    for federation, amount in amounts.items():
        allocation, created = StateAllocation.objects.update_or_create(
            federation=federation, year=year, defaults={"amount": amount}
        )
        audit_record(
            actor=actor,
            action="state_allocation_record",
            obj=allocation,
            scope=scope_of(federation),
            summary=f"Statens bidrag {year} till {federation.short_name}: {amount} kr"
            + ("." if created else " (ändrat)."),
        )
        saved.append(allocation)
    return saved


@dataclass(frozen=True)
class ExtraFundsInput:
    source: str
    granted: int
    used: int


FOLLOW_UP_LABELS: dict[str, str] = {
    f.name: str(f.verbose_name)
    for f in FollowUp._meta.concrete_fields
    if f.name not in ("id", "federation", "year")
}
FOLLOW_UP_FIELDS = tuple(FOLLOW_UP_LABELS)


@transaction.atomic
def follow_up_record(
    *,
    actor: User | None,
    federation: Federation,
    year: int,
    figures: dict[str, int | Decimal | None],
    extra_funds: list[ExtraFundsInput] | None = None,
) -> FollowUp:
    """A federation's figures for a year; the figures given replace those stored (a figure
    left out keeps its value; None clears it). Unknown or negative figures are refused (equity
    may be negative)."""
    require_finsam(actor)
    errors = [f"Okänd uppgift: {name}." for name in figures if name not in FOLLOW_UP_FIELDS]
    year_problem = rules.follow_up_year_problem(year, timezone.localdate().year)
    if year_problem:
        errors.append(year_problem)
    for name, value in figures.items():
        if value is not None and value < 0 and name != "equity":
            label = FOLLOW_UP_LABELS.get(name, name)
            errors.append(f"{label.capitalize()}: värdet får inte vara negativt.")
    givers: set[str] = set()
    for entry in extra_funds or []:
        giver = " ".join(entry.source.split())
        if not giver:
            errors.append("Extra medel behöver en givare.")
        elif len(giver) > 200:
            errors.append("Givarens namn får vara högst 200 tecken.")
        elif giver.casefold() in givers:
            errors.append(f"Extra medel från {giver} står två gånger; slå ihop dem.")
        givers.add(giver.casefold())
        if entry.granted < 0 or entry.used < 0:
            errors.append(f"Extra medel från {entry.source}: beloppen får inte vara negativa.")
    if errors:
        raise ValidationError(errors)
    follow_up = FollowUp.objects.filter(federation=federation, year=year).first()
    created = follow_up is None
    follow_up = follow_up or FollowUp(federation=federation, year=year)
    for name in FOLLOW_UP_FIELDS:
        if name in figures:
            setattr(follow_up, name, figures[name])
    follow_up.full_clean()
    follow_up.save()
    if extra_funds is not None:
        follow_up.extra_funds.all().delete()
        ExtraFunds.objects.bulk_create(
            ExtraFunds(
                follow_up=follow_up,
                source=" ".join(e.source.split()),
                granted=e.granted,
                used=e.used,
            )
            for e in extra_funds
        )
    audit_record(
        actor=actor,
        action="follow_up_record",
        obj=follow_up,
        scope=scope_of(federation),
        summary=f"{'Förde in' if created else 'Ändrade'} uppföljning {year} för "
        f"{federation.short_name}.",
    )
    return follow_up
