"""Sending the notice, the notice of changes, and the council's announcement."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from kansli.core.form_page import form_page
from kansli.core.formatting import counted
from kansli.core.forms import KansliForm, confirmed_field
from kansli.core.http import found_or_404, site_root
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.people.models import OrganizationKind

from . import selectors, services
from .models import DeliveryStatus, NoticeSending
from .permissions import ANNOUNCE_MEETINGS, SEND_NOTICES


def _back(pk: int, anchor: str) -> str:
    return f"{reverse('meetings:meeting_detail', args=[pk])}#{anchor}"


def _outcome(sending: NoticeSending) -> tuple[str, list[str]]:
    deliveries = list(sending.deliveries.select_related("person__party"))
    sent = [d for d in deliveries if d.status == DeliveryStatus.SENT]
    failed = [
        f"{d.person}: {d.get_status_display().lower()}" + (f" ({d.error})" if d.error else "")
        for d in deliveries
        if d.status != DeliveryStatus.SENT
    ]
    what = sending.get_kind_display()
    return f"{what} skickades till {len(sent)} av {len(deliveries)}.", failed


@permission_required(SEND_NOTICES)
def _send(request: HttpRequest, pk: int, service: Any) -> HttpResponse:
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    try:
        sending = service(
            actor=request_actor(request), meeting=meeting, site_url=site_root(request)
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_back(pk, "utskick"))
    done, failed = _outcome(sending)
    messages.success(request, done)
    for line in failed:
        messages.warning(request, line)
    return redirect(_back(pk, "utskick"))


@login_required
@require_POST
def notice_send(request: HttpRequest, pk: int) -> HttpResponse:
    return _send(request, pk, services.notice_send)


@login_required
@require_POST
def notice_change_send(request: HttpRequest, pk: int) -> HttpResponse:
    return _send(request, pk, services.notice_change_send)


class AnnouncementForm(KansliForm):
    confirmed = confirmed_field()


@login_required
@permission_required(ANNOUNCE_MEETINGS)
def announcement_post(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    if meeting.organization.kind != OrganizationKind.COUNCIL:
        messages.error(
            request,
            "Bara fullmäktiges sammanträden tillkännages på anslagstavlan; "
            f"{meeting.organization} kallar sina ledamöter med kallelsen.",
        )
        return redirect("meetings:meeting_detail", pk=pk)
    plan = services.announcement_plan(meeting)
    form = AnnouncementForm(request.POST or None)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        announcement = services.announcement_post(
            actor=request_actor(request), meeting=meeting, confirmed=data["confirmed"]
        )
        items = counted(len(announcement.items), "ärende", "ärenden")
        message = (
            f"Tillägg med brådskande ärenden uppsatt på anslagstavlan: {items}."
            if announcement.supplement
            else f"Sammanträdet är tillkännagivet på anslagstavlan med {items}."
        )
        return message, _back(pk, "tillkannagivande")

    if plan.supplement:
        title = "Tillkännage brådskande ärenden"
        lead = (
            f"{meeting} är redan tillkännagivet. Som tillägg sätts upp: "
            + "; ".join(f"{i.number}. {i.title}" for i in plan.items)
            + " (kommunallagen 5 kap. 14 §: senast vardagen före sammanträdesdagen)."
            if plan.items
            else f"Alla ärenden på dagordningen för {meeting} är redan tillkännagivna."
        )
    else:
        title = "Tillkännage sammanträdet på nytt" if plan.moved else "Tillkännage sammanträdet"
        lead = (
            f"{meeting}, kl. {meeting.start_time:%H.%M}, {meeting.place}, med "
            f"{counted(len(plan.items), 'ärende', 'ärenden')} sätts upp på anslagstavlan "
            "(kommunallagen 5 kap. 13 §: minst en vecka före sammanträdesdagen)."
            + (" Det tidigare tillkännagivandet tas ned." if plan.moved else "")
        )
    return form_page(
        request,
        form=form,
        save=save,
        context={
            "title": title,
            "lead": lead,
            "button": "Sätt upp på anslagstavlan",
            "back_url": _back(pk, "tillkannagivande"),
            "back_label": f"Till sammanträdet {meeting}",
            "nav": "meetings",
        },
    )
