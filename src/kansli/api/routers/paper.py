"""OParl Paper: a case (ärende) of the registry, with its files and consultations. A secret
case is not shown to the public at all, and its title is withheld from anyone who may not
see its secrets (registry selectors)."""

from collections import defaultdict
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from kansli.meetings import selectors as meetings
from kansli.people import selectors as people
from kansli.publishing.masking import published_facts
from kansli.publishing.public_text import masked
from kansli.registry import selectors as registry
from kansli.registry.models import Case

from ..links import api_url, oparl_type, site_url
from ..pagination import PageQuery, paginate
from ..params import ERRORS, ObjectId
from ..schemas.paper import PaperList, PaperOut
from .consultation import consultation_out
from .file import document_file_out

router = Router(tags=["Paper"])


def papers_out(request: HttpRequest, cases: list[Case]) -> list[dict[str, Any]]:
    viewer = request.user
    documents = (
        registry.documents_visible(viewer=viewer)
        .filter(case__in=cases)
        .select_related("case", "publication")
        .order_by("case", "sequence")
    )
    files: dict[int, list[dict[str, Any]]] = defaultdict(list)
    allow = published_facts()
    for document in documents:
        out = document_file_out(request, document, allow=allow)
        if out is not None:
            files[document.case_id].append(out)
    consultations: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for step in meetings.case_steps_visible(viewer=viewer).filter(case__in=cases):
        consultations[step.case_id].append(consultation_out(request, step))
    return [
        {
            "id": api_url(request, "paper", case.pk),
            "type": oparl_type("Paper"),
            "body": api_url(request, "body", case.body_id),
            "name": masked(registry.case_title_for(viewer=viewer, case=case), allow=allow),
            "reference": case.number,
            "date": case.registered_on,
            "paperType": case.get_case_type_display(),
            "mainFile": files[case.pk][0] if files[case.pk] else None,
            "auxiliaryFile": files[case.pk][1:],
            "underDirectionOf": (
                [api_url(request, "organization", case.organization_id)]
                if case.organization_id
                else []
            ),
            "consultation": consultations[case.pk],
            "web": site_url(request, "publishing:case", case.pk),
        }
        for case in cases
    ]


@router.get(
    "/bodies/{id}/papers",
    response={200: PaperList, **ERRORS},
    url_name="body_papers",
    exclude_none=True,
    summary="Huvudmannens ärenden",
)
def body_papers(request: HttpRequest, id: ObjectId, query: Query[PageQuery]) -> dict[str, Any]:
    body = people.body_get(viewer=request.user, pk=id)
    cases = (
        registry.case_list(viewer=request.user)
        .filter(body=body)
        .order_by("-year", "-sequence", "-pk")
    )
    return paginate(request, cases, query, lambda rows: papers_out(request, rows))


@router.get(
    "/papers/{id}",
    response={200: PaperOut, **ERRORS},
    url_name="paper",
    exclude_none=True,
    summary="Ett ärende",
)
def paper_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    return papers_out(request, [registry.case_get(viewer=request.user, pk=id)])[0]
