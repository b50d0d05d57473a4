"""The municipalities' numbers of inhabitants, which split the municipalities' quarter."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User

from ..models import FederationMember, Population
from ._guard import require_finsam, scope_of

MAX_INHABITANTS = 10_000_000  # more than any Swedish municipality, or Sweden


@transaction.atomic
def population_record(
    *, actor: User | None, member: FederationMember, on: datetime.date, inhabitants: int
) -> Population:
    require_finsam(actor)
    if not member.is_municipality:
        raise ValidationError(f"{member.name} är ingen kommun; invånarantal gäller kommuner.")
    if inhabitants <= 0:
        raise ValidationError("Invånarantalet ska vara ett positivt heltal.")
    if inhabitants > MAX_INHABITANTS:
        raise ValidationError(f"{inhabitants} invånare är orimligt många för en kommun.")
    population, _ = Population.objects.update_or_create(
        member=member, on=on, defaults={"inhabitants": inhabitants}
    )
    audit_record(
        actor=actor,
        action="population_record",
        obj=population,
        scope=scope_of(member.federation),
        summary=f"{member.name} hade {inhabitants} invånare den {on.isoformat()}.",
    )
    return population


@transaction.atomic
def populations_record(
    *, actor: User | None, on: datetime.date, inhabitants: dict[FederationMember, int]
) -> list[Population]:
    """Many municipalities' numbers for one day, all or none."""
    require_finsam(actor)
    return [
        population_record(actor=actor, member=member, on=on, inhabitants=count)
        for member, count in inhabitants.items()
    ]
