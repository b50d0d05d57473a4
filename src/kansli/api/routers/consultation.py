"""OParl Consultation: one passage of a case through an organization (beredningssteg),
linking the Paper to the AgendaItem, the Meeting and the Organization."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from kansli.meetings import selectors as meetings
from kansli.meetings.models import CaseStep

from ..links import api_url, oparl_type
from ..params import ERRORS, ObjectId
from ..schemas.consultation import ConsultationOut

router = Router(tags=["Consultation"])


def consultation_out(request: HttpRequest, step: CaseStep) -> dict[str, Any]:
    """A step the viewer may see (read through meetings.selectors.case_steps_visible, which
    hides a step on an item the viewer may not see)."""
    item = step.agenda_item
    return {
        "id": api_url(request, "consultation", step.pk),
        "type": oparl_type("Consultation"),
        "paper": api_url(request, "paper", step.case_id),
        "agendaItem": api_url(request, "agenda_item", item.pk) if item else None,
        "meeting": api_url(request, "meeting", item.meeting_id) if item else None,
        "organization": [api_url(request, "organization", step.organization_id)],
        "status": step.get_status_display(),
        "decidedOn": step.decided_on,
    }


@router.get(
    "/consultations/{id}",
    response={200: ConsultationOut, **ERRORS},
    url_name="consultation",
    exclude_none=True,
    summary="Ett ärendes beredning i ett organ",
)
def consultation_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    step = meetings.case_steps_visible(viewer=request.user).get(pk=id)
    return consultation_out(request, step)
