"""Changing a meeting: move it (day, time, place) or mend its details, and cancel it; either
may tell the members at once with a notice of the change."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from kansli.core.form_page import form_page
from kansli.core.http import found_or_404, site_root
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor

from . import selectors, services
from .forms import MeetingCancelForm, MeetingEditForm
from .models import Meeting
from .permissions import MANAGE_MEETINGS


def _notify(request: HttpRequest, meeting: Meeting) -> str:
    """Send the notice of the change when the notice was sent before; the outcome in words."""
    try:
        sending = services.notice_change_send(
            actor=request_actor(request), meeting=meeting, site_url=site_root(request)
        )
    except ValidationError as error:
        return " ".join(error.messages)
    sent = sum(1 for d in sending.deliveries.all() if d.status == "skickad")
    return f"Meddelandet om ändringen skickades till {sent} av {sending.deliveries.count()}."


@login_required
@permission_required(MANAGE_MEETINGS)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    initial = {
        "date": meeting.date,
        "start_time": meeting.start_time,
        "end_time": meeting.end_time,
        "place": meeting.place,
        "absence_contact": meeting.absence_contact,
    }
    form = MeetingEditForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        notify = data.pop("notify")
        updated, changed = services.meeting_update(
            actor=request_actor(request), meeting=meeting, **data
        )
        message = "Sammanträdet är ändrat." if changed else "Inget ändrades."
        had_notice = selectors.notice_summary(viewer=request.user, meeting=updated)
        if changed and notify and had_notice is not None and had_notice.is_sent:
            message += " " + _notify(request, updated)
        return message, reverse("meetings:meeting_detail", args=[pk])

    return form_page(
        request,
        form=form,
        save=save,
        context={
            "title": "Ändra eller flytta sammanträdet",
            "lead": f"{meeting}. Har kallelsen redan skickats får ledamöter och ersättare ett "
            "meddelande om ändringen.",
            "button": "Spara",
            "back_url": reverse("meetings:meeting_detail", args=[pk]),
            "back_label": f"Till sammanträdet {meeting}",
            "nav": "meetings",
        },
    )


@login_required
@permission_required(MANAGE_MEETINGS)
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    form = MeetingCancelForm(request.POST or None)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        cancelled = services.meeting_cancel(
            actor=request_actor(request), meeting=meeting, reason=data["reason"]
        )
        message = "Sammanträdet är inställt."
        had_notice = selectors.notice_summary(viewer=request.user, meeting=cancelled)
        if data["notify"] and had_notice is not None and had_notice.is_sent:
            message += " " + _notify(request, cancelled)
        return message, reverse("meetings:meeting_detail", args=[pk])

    return form_page(
        request,
        form=form,
        save=save,
        context={
            "title": "Ställ in sammanträdet",
            "lead": f"{meeting}. Det inställda sammanträdet syns som inställt på Insyn, i "
            "kalendern och i API:t. Det går inte att ångra.",
            "button": "Ställ in sammanträdet",
            "back_url": reverse("meetings:meeting_detail", args=[pk]),
            "back_label": f"Till sammanträdet {meeting}",
            "nav": "meetings",
        },
    )
