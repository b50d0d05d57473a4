"""What the delegation services share: who may write, and the checks of free text and days."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from kansli.people.models import Organization, OrganizationKind

DENIED = "Bara registratorer, handläggare och nämndsekreterare kan registrera delegationsbeslut."
ORDER_DENIED = (
    "Bara nämndsekreterare, registratorer och administratörer kan ändra delegationsordningen."
)
# Bodies that delegate and take reports: not fullmäktige's own list, not external bodies.
DELEGATING_KINDS = (
    OrganizationKind.BOARD,
    OrganizationKind.COMMITTEE,
    OrganizationKind.WORKING_COMMITTEE,
    OrganizationKind.COUNCIL,
)


def today() -> datetime.date:
    return timezone.localdate()


def one_line(text: str) -> str:
    return " ".join(text.replace("\x00", "").split())


def text_field(errors: dict[str, str], field: str, value: str, limit: int, missing: str) -> str:
    """A one-line text, trimmed; a missing or too long text is recorded in `errors`."""
    value = one_line(value)
    if not value:
        errors[field] = missing
    elif len(value) > limit:
        errors[field] = f"Högst {limit} tecken."
    return value


def check_organization(organization: Organization) -> None:
    if organization.kind not in DELEGATING_KINDS:
        raise ValidationError(
            {"organization": f"{organization} är inte ett organ som delegerar beslut."}
        )


def check_past(errors: dict[str, str], field: str, day: datetime.date, what: str) -> None:
    if day > today():
        errors[field] = f"{what} kan inte ligga i framtiden."
