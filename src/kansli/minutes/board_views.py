"""The notice board (public), the dispatch list and the cases waiting for an agenda."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.meetings.models import Meeting
from kansli.meetings.permissions import EDIT_AGENDA
from kansli.meetings.selectors import announcements_on_board

from . import selectors, services
from .models import Channel, Dispatch
from .permissions import DISPATCH, SEE_DISPATCH, SEE_PREPARATION
from .views import int_or_none, run


def notice_board(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "minutes/notice_board.html",
        {
            "postings": selectors.notice_board(viewer=request.user, today=today),
            "announcements": announcements_on_board(viewer=request.user, today=today),
            "today": today,
            "nav": "board",
        },
    )


@login_required
@permission_required(SEE_DISPATCH)
def dispatch_list(request: HttpRequest) -> HttpResponse:
    meetings: dict[int, tuple[Meeting, list[tuple[Dispatch, str]]]] = {}
    for dispatch in selectors.undispatched(viewer=request.user):
        meeting = dispatch.paragraph.minutes.meeting
        meetings.setdefault(meeting.pk, (meeting, []))[1].append(
            (dispatch, services.known_address(dispatch))
        )
    return render(
        request,
        "minutes/dispatch_list.html",
        {
            "meetings": list(meetings.values()),
            "channels": Channel.choices,
            "may_send": DISPATCH(request.user),
            "nav": "dispatch",
        },
    )


def _named(dispatch: Dispatch) -> str:
    meeting = dispatch.paragraph.minutes.meeting
    return (
        f"{meeting.organization} {meeting.date.isoformat()} {dispatch.paragraph.label} till "
        f"{dispatch.recipient}"
    )


@login_required
@require_POST
@permission_required(DISPATCH)
def dispatch_send_all(request: HttpRequest) -> HttpResponse:
    """ "Expediera alla": every listed dispatch (or those of one meeting) whose recipient has
    a known e-mail address, by e-mail; the rest are named in messages."""
    pending = selectors.undispatched(viewer=request.user)
    try:
        meeting_pk = int_or_none(request.POST.get("meeting"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("minutes:dispatch_list")
    if meeting_pk is not None:
        pending = pending.filter(paragraph__minutes__meeting_id=meeting_pk)
    done = services.dispatch_send_all(actor=request_actor(request), dispatches=list(pending))
    if done.sent:
        messages.success(
            request,
            f"{len(done.sent)} beslut expedierades med e-post: "
            + "; ".join(_named(d) for d in done.sent)
            + ".",
        )
    for dispatch, problem in done.failed:
        messages.error(request, f"{_named(dispatch)} skickades inte: {problem}")
    if done.without_address:
        messages.warning(
            request,
            "Saknar känd e-postadress och skickades inte: "
            + "; ".join(_named(d) for d in done.without_address)
            + ". Ange kanal och adress vid var och en.",
        )
    if not (done.sent or done.failed or done.without_address):
        messages.info(request, "Det finns inget kvar att expediera.")
    return redirect("minutes:dispatch_list")


@login_required
@require_POST
@permission_required(DISPATCH)
def dispatch_send(request: HttpRequest, dispatch_pk: int) -> HttpResponse:
    dispatch = found_or_404(lambda: selectors.undispatched(viewer=request.user).get(pk=dispatch_pk))
    run(
        request,
        lambda: services.dispatch_send(
            actor=request_actor(request),
            dispatch=dispatch,
            channel=request.POST.get("channel", ""),
            address=request.POST.get("address", ""),
        ),
        f"{dispatch.paragraph.label} är expedierad till {dispatch.recipient}.",
    )
    return redirect("minutes:dispatch_list")


@login_required
@permission_required(SEE_PREPARATION)
def cases_waiting(request: HttpRequest) -> HttpResponse:
    steps = list(selectors.cases_waiting(viewer=request.user))
    meetings: dict[int, list[Meeting]] = {}
    if EDIT_AGENDA(request.user) and steps:
        upcoming = selectors.meetings_open(viewer=request.user, body=steps[0].case.body).filter(
            date__gte=timezone.localdate()
        )
        for meeting in upcoming:
            meetings.setdefault(meeting.organization_id, []).append(meeting)
    return render(
        request,
        "minutes/cases_waiting.html",
        {
            "rows": [(step, meetings.get(step.organization_id, [])) for step in steps],
            "may_manage": EDIT_AGENDA(request.user),
            "nav": "cases",
        },
    )
