"""The calendar feed: /insyn/kalender.ics."""

from collections import defaultdict

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone

from kansli.meetings.models import AgendaItem
from kansli.meetings.selectors import agenda_items_visible, meeting_list
from kansli.people.models import Organization
from kansli.people.selectors import body_list, organization_get

from ..masking import published_facts
from . import ical

BAD_ORGAN = "Parametern organ ska vara ett organs nummer (ett heltal), till exempel ?organ=3."
MAX_ID = 2**63 - 1


def calendar_ics(request: HttpRequest) -> HttpResponse:
    """Every meeting the viewer may see (all of them), or one organization's with ?organ=ID,
    each with the agenda items the viewer may see."""
    organization = None
    raw = request.GET.get("organ", "")
    if raw:
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_ID):
            return _text(HttpResponseBadRequest, BAD_ORGAN)
        try:
            organization = organization_get(viewer=request.user, pk=int(raw))
        except Organization.DoesNotExist:
            return _text(HttpResponseNotFound, f"Det finns inget organ med nummer {raw}.")
    meetings = meeting_list(
        viewer=request.user, organization_id=organization.pk if organization else None
    ).order_by("date", "start_time", "pk")
    items: dict[int, list[AgendaItem]] = defaultdict(list)
    for item in agenda_items_visible(viewer=request.user).filter(meeting__in=meetings):
        items[item.meeting_id].append(item)
    host, _port = split_domain_port(request.get_host())
    stamp = timezone.now()
    allow = published_facts()
    events = (
        ical.event_lines(
            meeting,
            items[meeting.pk],
            uid_host=host or "kansli",
            url=request.build_absolute_uri(reverse("publishing:meeting", args=[meeting.pk])),
            stamp=stamp,
            allow=allow,
        )
        for meeting in meetings
    )
    response = HttpResponse(
        ical.calendar(_calendar_name(request, organization), events),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="kalender.ics"'
    return response


def _calendar_name(request: HttpRequest, organization: Organization | None) -> str:
    if organization is not None:
        return f"Sammanträden – {organization.name}"
    body = body_list(viewer=request.user).first()
    return f"Sammanträden – {body.name}" if body is not None else "Sammanträden"


def _text(kind: type[HttpResponse], message: str) -> HttpResponse:
    return kind(message, content_type="text/plain; charset=utf-8")
