"""Whom a secrecy marking names."""

from kansli.people.models import Body, Organization


def secrecy_authority_of(body: Body, organization: Organization | None) -> str:
    """The authority named in a secrecy marking (OSL 5 kap. 5 §): the case's responsible
    organization (each nämnd is an authority of its own), else the body."""
    return organization.name if organization is not None else body.name
