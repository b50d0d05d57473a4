"""OParl Membership: a person's seat in an organization (uppdrag)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from kansli.people import selectors as people
from kansli.people.models import Membership

from ..links import api_url, oparl_type
from ..params import ERRORS, ObjectId
from ..schemas.membership import MembershipOut

router = Router(tags=["Membership"])


def membership_out(request: HttpRequest, membership: Membership) -> dict[str, Any]:
    return {
        "id": api_url(request, "membership", membership.pk),
        "type": oparl_type("Membership"),
        "person": api_url(request, "person", membership.person_id),
        "organization": api_url(request, "organization", membership.organization_id),
        "role": membership.get_role_display(),
        "votingRight": membership.is_member,
        "startDate": membership.start,
        "endDate": membership.end,
    }


@router.get(
    "/memberships/{id}",
    response={200: MembershipOut, **ERRORS},
    url_name="membership",
    exclude_none=True,
    summary="Ett uppdrag",
)
def membership_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    return membership_out(request, people.membership_get(viewer=request.user, pk=id))
