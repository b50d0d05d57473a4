"""What the delegation services share: which bodies delegate."""

from django.core.exceptions import ValidationError

from kansli.people.models import Organization, OrganizationKind

# Bodies that delegate and take reports: not fullmäktige's own list, not external bodies.
DELEGATING_KINDS = (
    OrganizationKind.BOARD,
    OrganizationKind.COMMITTEE,
    OrganizationKind.WORKING_COMMITTEE,
    OrganizationKind.COUNCIL,
)


def check_organization(organization: Organization) -> None:
    if organization.kind not in DELEGATING_KINDS:
        raise ValidationError(
            {"organization": f"{organization} är inte ett organ som delegerar beslut."}
        )
