"""OParl Body: the region or municipality (huvudman)."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from kansli.people import selectors as people
from kansli.people.models import Body

from ..links import api_url, oparl_type, site_url
from ..pagination import PageQuery, paginate
from ..params import ERRORS, ObjectId
from ..schemas.body import BodyList, BodyOut
from .legislative_term import term_out

router = Router(tags=["Body"])


def bodies_out(request: HttpRequest, bodies: list[Body]) -> list[dict[str, Any]]:
    terms = people.term_list(viewer=request.user).filter(body__in=bodies)
    by_body: dict[int, list[dict[str, Any]]] = {body.pk: [] for body in bodies}
    for term in terms:
        by_body[term.body_id].append(term_out(request, term))
    return [
        {
            "id": api_url(request, "body", body.pk),
            "type": oparl_type("Body"),
            "system": api_url(request, "system"),
            "name": body.name,
            "shortName": body.short_name or None,
            "website": site_url(request, "publishing:home"),
            "organization": api_url(request, "body_organizations", body.pk),
            "person": api_url(request, "body_persons", body.pk),
            "meeting": api_url(request, "body_meetings", body.pk),
            "paper": api_url(request, "body_papers", body.pk),
            "legislativeTermList": api_url(request, "body_legislative_terms", body.pk),
            "legislativeTerm": by_body[body.pk],
        }
        for body in bodies
    ]


@router.get(
    "/bodies",
    response={200: BodyList, **ERRORS},
    url_name="body_list",
    exclude_none=True,
    summary="Huvudmän",
)
def body_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    bodies = people.body_list(viewer=request.user)
    return paginate(request, bodies, query, lambda rows: bodies_out(request, rows))


@router.get(
    "/bodies/{id}",
    response={200: BodyOut, **ERRORS},
    url_name="body",
    exclude_none=True,
    summary="En huvudman",
)
def body_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    return bodies_out(request, [people.body_get(viewer=request.user, pk=id)])[0]
