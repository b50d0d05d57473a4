"""OParl Meeting: a meeting (sammanträde) with its agenda and, once adjusted, its minutes."""

from collections import defaultdict
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from kansli.meetings import selectors as meetings
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.when import meeting_end, meeting_start
from kansli.people import selectors as people
from kansli.publishing.selectors import adjusted_minutes

from ..links import api_url, oparl_type, site_url
from ..pagination import PageQuery, paginate
from ..params import ERRORS, MAX_ID, IsoDate, ObjectId
from ..schemas.common import ErrorOut
from ..schemas.file import FileOut
from ..schemas.meeting import MeetingList, MeetingOut
from .agenda_item import agenda_items_out
from .file import minutes_file_out

router = Router(tags=["Meeting"])


class MeetingFilter(Schema):
    organization: int | None = Field(
        None, ge=1, le=MAX_ID, description="Bara sammanträden med detta organ (id)."
    )
    start_from: IsoDate | None = Field(
        None, description="Bara sammanträden från och med detta datum (ÅÅÅÅ-MM-DD)."
    )
    start_to: IsoDate | None = Field(
        None, description="Bara sammanträden till och med detta datum (ÅÅÅÅ-MM-DD)."
    )


def meeting_name(meeting: Meeting) -> str:
    return f"{meeting.organization.name} sammanträde {meeting.date.isoformat()}"


def meetings_out(request: HttpRequest, rows: list[Meeting]) -> list[dict[str, Any]]:
    viewer = request.user
    visible: list[AgendaItem] = list(
        meetings.agenda_items_visible(viewer=viewer).filter(meeting__in=rows)
    )
    items: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for item, out in zip(visible, agenda_items_out(request, visible), strict=True):
        items[item.meeting_id].append(out)
    protocols = {
        minutes.meeting_id: minutes_file_out(request, minutes)
        for minutes in adjusted_minutes(viewer=viewer).filter(meeting__in=rows)
    }
    return [
        {
            "id": api_url(request, "meeting", meeting.pk),
            "type": oparl_type("Meeting"),
            "name": meeting_name(meeting),
            "cancelled": meeting.is_cancelled,
            "start": meeting_start(meeting),
            "end": meeting_end(meeting),
            "location": meeting.place,
            "organization": [api_url(request, "organization", meeting.organization_id)],
            "agendaItem": items[meeting.pk],
            "resultsProtocol": protocols.get(meeting.pk),
            "web": site_url(request, "publishing:meeting", meeting.pk),
        }
        for meeting in rows
    ]


@router.get(
    "/bodies/{id}/meetings",
    response={200: MeetingList, **ERRORS, 400: ErrorOut},
    url_name="body_meetings",
    exclude_none=True,
    summary="Huvudmannens sammanträden",
)
def body_meetings(
    request: HttpRequest,
    id: ObjectId,
    query: Query[PageQuery],
    filters: Query[MeetingFilter],
) -> dict[str, Any]:
    """Sammanträden, senaste först. Filtrera med organization, start_from och start_to."""
    if filters.start_from and filters.start_to and filters.start_from > filters.start_to:
        raise HttpError(400, "start_from kan inte vara senare än start_to.")
    body = people.body_get(viewer=request.user, pk=id)
    rows = meetings.meeting_list(viewer=request.user, organization_id=filters.organization).filter(
        organization__body=body
    )
    if filters.start_from:
        rows = rows.filter(date__gte=filters.start_from)
    if filters.start_to:
        rows = rows.filter(date__lte=filters.start_to)
    rows = rows.order_by("-date", "-start_time", "-pk")
    return paginate(request, rows, query, lambda page: meetings_out(request, page))


@router.get(
    "/meetings/{id}",
    response={200: MeetingOut, **ERRORS},
    url_name="meeting",
    exclude_none=True,
    summary="Ett sammanträde",
)
def meeting_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    return meetings_out(request, [meetings.meeting_get(viewer=request.user, pk=id)])[0]


@router.get(
    "/meetings/{id}/results-protocol",
    response={200: FileOut, **ERRORS},
    url_name="meeting_results_protocol",
    exclude_none=True,
    summary="Sammanträdets justerade protokoll",
)
def meeting_results_protocol(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    """Finns först när protokollet är justerat (ett utkast visas aldrig)."""
    meeting = meetings.meeting_get(viewer=request.user, pk=id)
    minutes = adjusted_minutes(viewer=request.user).get(meeting=meeting)
    return minutes_file_out(request, minutes)
