"""OParl Organization: a political body (organ) of the Body, or an external one."""

from collections import defaultdict
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from kansli.people import selectors as people
from kansli.people.models import Organization, OrganizationKind

from ..links import api_url, oparl_type
from ..pagination import PageQuery, paginate
from ..params import ERRORS, ObjectId
from ..schemas.organization import OrganizationList, OrganizationOut

router = Router(tags=["Organization"])


def organizations_out(
    request: HttpRequest, organizations: list[Organization]
) -> list[dict[str, Any]]:
    seats = people.membership_list(viewer=request.user).filter(organization__in=organizations)
    memberships: dict[int, list[str]] = defaultdict(list)
    for seat in seats:
        memberships[seat.organization_id].append(api_url(request, "membership", seat.pk))
    return [
        {
            "id": api_url(request, "organization", organization.pk),
            "type": oparl_type("Organization"),
            "body": api_url(request, "body", organization.body_id),
            "name": organization.name,
            "shortName": organization.short_name or None,
            "organizationType": (
                "externes Gremium" if organization.kind == OrganizationKind.EXTERNAL else "Gremium"
            ),
            "classification": organization.get_kind_display(),
            "subOrganizationOf": (
                api_url(request, "organization", organization.parent_id)
                if organization.parent_id
                else None
            ),
            "membership": memberships[organization.pk],
            "meeting": api_url(request, "body_meetings", organization.body_id)
            + f"?organization={organization.pk}",
        }
        for organization in organizations
    ]


@router.get(
    "/bodies/{id}/organizations",
    response={200: OrganizationList, **ERRORS},
    url_name="body_organizations",
    exclude_none=True,
    summary="Huvudmannens organ",
)
def body_organizations(
    request: HttpRequest, id: ObjectId, query: Query[PageQuery]
) -> dict[str, Any]:
    body = people.body_get(viewer=request.user, pk=id)
    organizations = people.organization_list(viewer=request.user).filter(body=body)
    return paginate(request, organizations, query, lambda rows: organizations_out(request, rows))


@router.get(
    "/organizations/{id}",
    response={200: OrganizationOut, **ERRORS},
    url_name="organization",
    exclude_none=True,
    summary="Ett organ",
)
def organization_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    organization = people.organization_get(viewer=request.user, pk=id)
    return organizations_out(request, [organization])[0]
