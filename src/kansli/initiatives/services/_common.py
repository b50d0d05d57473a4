"""What the steps of the workflow share: the checks of their dates."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from kansli.people.models import OrganizationKind

from .. import rules
from ..models import Initiative

PREPARING_KINDS = (OrganizationKind.BOARD, OrganizationKind.COMMITTEE)


def today() -> datetime.date:
    return timezone.localdate()


def scope_of(initiative: Initiative) -> str:
    return f"case:{initiative.case_id}"


def check_day(day: datetime.date, what: str, now: datetime.date) -> None:
    if day > now:
        raise ValidationError(f"Datumet för {what} kan inte ligga i framtiden.")


def _steps(initiative: Initiative) -> list[tuple[str, datetime.date | None]]:
    return [
        ("inkomstdagen", initiative.received_on),
        ("anmälan", initiative.announced_on),
        ("remissen", initiative.referred_on),
        ("överlämnandet", initiative.delegated_on),
        ("beslutet", initiative.decided_on),
    ]


def check_order(initiative: Initiative) -> None:
    problem = rules.step_order_problem(_steps(initiative))
    if problem:
        raise ValidationError(problem)
