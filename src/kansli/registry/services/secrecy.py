"""The secrecy marking (OSL 5 kap. 5 §): when it was made and whom it names."""

import datetime
from typing import Any

from kansli.people.models import Body, Organization


def secrecy_authority_of(body: Body, organization: Organization | None) -> str:
    """The authority named in a secrecy marking (OSL 5 kap. 5 §): the case's responsible
    organization (each nämnd is an authority of its own), else the body."""
    return organization.name if organization is not None else body.name


def secrecy_marking_fields(
    secrecy: str, today: datetime.date, body: Body, organization: Organization | None
) -> dict[str, Any]:
    """A case's or document's marking for `secrecy` (a provision, or "" for none): made
    today by its authority; no provision, no marking."""
    return {
        "secrecy_marked_on": today if secrecy else None,
        "secrecy_authority": secrecy_authority_of(body, organization) if secrecy else "",
    }
