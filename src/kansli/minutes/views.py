"""The minutes of a meeting: start them, record attendance and adjusters, sign, export."""

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required, require
from kansli.core.roles import request_actor
from kansli.meetings.models import Meeting
from kansli.meetings.selectors import meeting_get
from kansli.people.models import Person

from . import rules, selectors, services
from .announced import Announced
from .composition import Roll
from .document import IntegrityError, minutes_data, minutes_pdf
from .models import Minutes
from .permissions import KEEP_MINUTES
from .record_state import record_state
from .services.record import minutes_record_retry as record_retry
from .services.signing import may_sign


def meeting_of(request: HttpRequest, pk: int) -> Meeting:
    return found_or_404(lambda: meeting_get(viewer=request.user, pk=pk))


def minutes_of(request: HttpRequest, meeting: Meeting) -> Minutes:
    minutes = selectors.minutes_for(viewer=request.user, meeting=meeting)
    if minutes is None:
        raise Http404
    return minutes


def run(request: HttpRequest, action: Callable[[], Any], done: str = "") -> bool:
    """Call a service; its refusals become messages on the page, nothing is written."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    if done:
        messages.success(request, done)
    return True


def int_or_none(value: str | None) -> int | None:
    """A form number; anything that is not one is refused with a message."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 6:
        raise ValidationError(f"”{value[:20]}” är inget nummer.")
    return int(value)


def date_or_none(value: str | None) -> datetime.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise ValidationError(f"”{value[:20]}” är inget datum (ÅÅÅÅ-MM-DD).") from error


@login_required
def minutes_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_of(request, pk)
    if request.method == "POST":  # start the minutes
        require(request.user, KEEP_MINUTES)
        run(
            request,
            lambda: services.minutes_create(
                actor=request_actor(request),
                meeting=meeting,
                first_number=int_or_none(request.POST.get("first_number")),
                secretary_name=str(request.user),
                confirmed=request.POST.get("confirmed") == "on",
            ),
            "Protokollet är påbörjat.",
        )
        # Started: the minutes; refused: the start page again, with the reason.
        return redirect("minutes:minutes_detail", pk=pk)
    minutes = selectors.minutes_for(viewer=request.user, meeting=meeting)
    if minutes is None:
        if not KEEP_MINUTES(request.user):
            raise Http404
        return render(
            request,
            "minutes/minutes_start.html",
            {"meeting": meeting, "today": timezone.localdate(), "nav": "meetings"},
        )
    return render(request, "minutes/minutes_detail.html", context(request, minutes))


def context(request: HttpRequest, minutes: Minutes) -> dict[str, Any]:
    meeting = minutes.meeting
    integrity = ""
    data: dict[str, Any] | None = None
    try:
        data = minutes_data(minutes)
    except IntegrityError as error:
        integrity = str(error)
    roll = Roll.of(minutes)
    paragraphs = minutes.paragraphs.select_related("agenda_item").prefetch_related(
        "disqualifications"
    )
    announced = Announced.of(meeting)
    rows = [
        {
            "paragraph": p,
            "composition": roll.at_paragraph(p),
            # KL 5 kap. 52 §: not announced, and no decision of every member present yet.
            "unannounced": bool(announced.problem(p)),
        }
        for p in paragraphs.order_by("number")
    ]
    seated = roll.seated
    attendance = [
        {
            "membership": m,
            "attendance": roll.attendance.get(m.person_id),
        }
        for m in seated
    ]
    deadline = rules.adjustment_deadline(meeting.date)
    today = timezone.localdate()
    person = Person.objects.filter(user=request_actor(request)).first()
    return {
        "meeting": meeting,
        "minutes": minutes,
        "data": data,
        "integrity": integrity,
        "rows": rows,
        "attendance": attendance,
        "members": roll.members,
        "seated": seated,
        "deadline": deadline,
        "deadline_status": rules.adjustment_deadline_status(today, deadline),
        "may_manage": KEEP_MINUTES(request.user) and not minutes.is_locked,
        "may_sign": may_sign(minutes, person),
        "dispatches": selectors.dispatches_for(viewer=request.user, minutes=minutes),
        "posting": minutes.postings.filter(paragraph=None).first(),
        "corrections": minutes.corrections.all(),
        "record": record_state(minutes) if minutes.is_locked else None,
        "nav": "meetings",
    }


def _person(people: dict[int, Person], value: str | None, label: str) -> Person | None:
    number = int_or_none(value)
    if number is None:
        return None
    if number not in people:
        raise ValidationError(f"{label}: okänd person.")
    return people[number]


@login_required
@require_POST
@permission_required(KEEP_MINUTES)
def attendance_record(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = minutes_of(request, meeting_of(request, pk))
    people = Roll.of(minutes).people

    def record() -> None:
        entries = []
        for pid, person in people.items():
            if request.POST.get(f"present_{pid}") != "on":
                continue
            entries.append(
                services.AttendanceInput(
                    person=person,
                    from_item=int_or_none(request.POST.get(f"from_{pid}")),
                    to_item=int_or_none(request.POST.get(f"to_{pid}")),
                    replaces=_person(people, request.POST.get(f"replaces_{pid}"), str(person)),
                )
            )
        services.attendance_record(
            actor=request_actor(request),
            minutes=minutes,
            entries=entries,
            others_present=request.POST.get("others_present", ""),
        )

    run(request, record, "Närvaron är sparad.")
    return redirect("minutes:minutes_detail", pk=pk)


@login_required
@require_POST
@permission_required(KEEP_MINUTES)
def adjustment_set(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = minutes_of(request, meeting_of(request, pk))
    people = Roll.of(minutes).people
    post = request.POST
    run(
        request,
        lambda: services.minutes_set_adjustment(
            actor=request_actor(request),
            minutes=minutes,
            chair=_person(people, post.get("chair"), "Ordförande"),
            adjuster=_person(people, post.get("adjuster"), "Justerare"),
            second_adjuster=_person(people, post.get("second_adjuster"), "Andra justerare"),
            substitute_adjuster=_person(people, post.get("substitute_adjuster"), "Ersättare"),
            place=post.get("place", ""),
            date=date_or_none(post.get("date")),
            kept_at=post.get("kept_at", ""),
            secretary_name=post.get("secretary_name", ""),
        ),
        "Justeringen är sparad.",
    )
    return redirect("minutes:minutes_detail", pk=pk)


@login_required
@require_POST
def minutes_sign(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = minutes_of(request, meeting_of(request, pk))
    paragraph = None
    if request.POST.get("paragraph"):
        try:
            number = int_or_none(request.POST.get("paragraph"))
        except ValidationError as error:
            raise Http404 from error
        if number is None:
            raise Http404
        paragraph = found_or_404(
            lambda: selectors.paragraph_get(viewer=request.user, minutes=minutes, pk=number)
        )
    run(
        request,
        lambda: services.minutes_sign(
            actor=request_actor(request), minutes=minutes, paragraph=paragraph
        ),
        "Din signatur är registrerad.",
    )
    return redirect("minutes:minutes_detail", pk=pk)


@login_required
def minutes_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = minutes_of(request, meeting_of(request, pk))
    try:
        pdf = minutes_pdf(minutes)
    except IntegrityError as error:
        return render(
            request,
            "minutes/integrity_error.html",
            {"meeting": minutes.meeting, "message": str(error), "nav": "meetings"},
            status=409,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"protokoll-{minutes.meeting.organization.short_name or 'organ'}-{minutes.meeting.date}"
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@login_required
@require_POST
@permission_required(KEEP_MINUTES)
def correction_create(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = minutes_of(request, meeting_of(request, pk))
    run(
        request,
        lambda: services.correction_create(
            actor=request_actor(request), minutes=minutes, text=request.POST.get("text", "")
        ),
        "Rättelsen är registrerad och länkad till protokollet.",
    )
    return redirect("minutes:minutes_detail", pk=pk)


@login_required
@require_POST
@permission_required(KEEP_MINUTES)
def minutes_record_retry(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = minutes_of(request, meeting_of(request, pk))
    run(
        request,
        lambda: record_retry(actor=request_actor(request), minutes=minutes),
        "Registreringen i diariet har startats igen; den görs i bakgrunden.",
    )
    return redirect("minutes:minutes_detail", pk=pk)
