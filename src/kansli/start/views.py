import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kansli.core.roles import Viewer, roles_of
from kansli.meetings.selectors import meeting_list
from kansli.people.models import Body
from kansli.people.selectors import default_body
from kansli.registry.selectors import case_list, case_title_for

from .waiting import Waiting, waiting_for


def home(request: HttpRequest) -> HttpResponse:
    """The start page: what waits for the viewer, and the next meetings."""
    viewer = request.user
    today = timezone.localdate()
    upcoming = meeting_list(viewer=viewer).filter(date__gte=today).order_by("date")[:5]
    recent = meeting_list(viewer=viewer).filter(date__lt=today)[:5]
    my_cases = []
    official = getattr(viewer, "official", None) if viewer.is_authenticated else None
    if official is not None:
        my_cases = [
            (case, case_title_for(viewer=viewer, case=case))
            for case in case_list(viewer=viewer).filter(official=official, status="oppet")[:10]
        ]
    return render(
        request,
        "start/home.html",
        {
            "upcoming": upcoming,
            "recent": recent,
            "my_cases": my_cases,
            "roles": sorted(role.label for role in roles_of(viewer)),
            "today": today,
            "waiting": _waiting(viewer, today),
        },
    )


def _waiting(viewer: Viewer, today: datetime.date) -> Waiting | None:
    """What waits for a viewer inside; nothing for the public or before a Body exists."""
    if not roles_of(viewer):
        return None
    try:
        body = default_body()
    except Body.DoesNotExist:
        return None
    return waiting_for(viewer=viewer, body=body, today=today)
