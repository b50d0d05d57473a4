"""OParl LegislativeTerm: a term of office (mandatperiod)."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from kansli.people import selectors as people
from kansli.people.models import Term

from ..links import api_url, oparl_type
from ..pagination import PageQuery, paginate
from ..params import ERRORS, ObjectId
from ..schemas.legislative_term import LegislativeTermList, LegislativeTermOut

router = Router(tags=["LegislativeTerm"])


def term_out(request: HttpRequest, term: Term) -> dict[str, Any]:
    return {
        "id": api_url(request, "legislative_term", term.pk),
        "type": oparl_type("LegislativeTerm"),
        "body": api_url(request, "body", term.body_id),
        "name": term.name,
        "startDate": term.start,
        "endDate": term.end,
    }


@router.get(
    "/bodies/{id}/legislative-terms",
    response={200: LegislativeTermList, **ERRORS},
    url_name="body_legislative_terms",
    exclude_none=True,
    summary="Huvudmannens mandatperioder",
)
def body_terms(request: HttpRequest, id: ObjectId, query: Query[PageQuery]) -> dict[str, Any]:
    body = people.body_get(viewer=request.user, pk=id)
    terms = people.term_list(viewer=request.user, body=body)
    return paginate(request, terms, query, lambda rows: [term_out(request, t) for t in rows])


@router.get(
    "/legislative-terms/{id}",
    response={200: LegislativeTermOut, **ERRORS},
    url_name="legislative_term",
    exclude_none=True,
    summary="En mandatperiod",
)
def term_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    return term_out(request, people.term_get(viewer=request.user, pk=id))
