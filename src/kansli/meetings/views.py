"""Meeting pages: the list, creating a meeting, and the meeting with its stages, agenda,
meeting book and notice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kansli.core.forms import add_service_errors
from kansli.core.http import found_or_404
from kansli.core.roles import (
    can_manage_meetings,
    is_member_or_staff,
    is_staff_member,
    request_actor,
)
from kansli.memos.rules import join_clauses
from kansli.people.selectors import default_body

from . import selectors, services
from .forms import MeetingCreateForm
from .locks import agenda_lock
from .stages import meeting_stages, next_stage

DENIED = "Du har inte behörighet att hantera sammanträden."


def require_manager(request: HttpRequest) -> None:
    if not can_manage_meetings(request.user):
        raise PermissionDenied(DENIED)


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "meetings/meeting_list.html",
        {"meetings": selectors.meeting_list(viewer=request.user), "nav": "meetings"},
    )


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    require_manager(request)
    form = MeetingCreateForm(request.POST or None, body=default_body())
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=request_actor(request), **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Sammanträdet {meeting} skapades.")
            return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(request, "meetings/meeting_create.html", {"form": form, "nav": "meetings"})


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    viewer = request.user
    items = []
    sent = selectors.items_in_sent_notice(meeting)
    for item in selectors.agenda(viewer=viewer, meeting=meeting):
        clauses = [c.text for c in item.proposal.clauses.all()] if item.proposal else []
        memo_status = ""
        if item.memo_id is not None and selectors.memo_visible(viewer=viewer, item=item):
            memo_status = "Klart" if item.memo.is_ready else "Utkast"  # type: ignore[union-attr]
        items.append(
            {
                "item": item,
                "clauses": join_clauses(clauses),
                "memo_status": memo_status,
                "earlier_memos": services.earlier_memos(item) if is_staff_member(viewer) else [],
                "removable": item.pk not in sent,
            }
        )
    may_manage = can_manage_meetings(viewer)
    lock = agenda_lock(meeting)
    stages = meeting_stages(meeting, viewer) if is_member_or_staff(viewer) else []
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "nav": "meetings",
            "may_manage": may_manage,
            "agenda_open": may_manage and lock is None,
            "agenda_lock": lock,
            "may_write_memo": is_staff_member(viewer),
            "may_read_members": is_member_or_staff(viewer),
            "books": selectors.book_list(viewer=viewer, meeting=meeting),
            "stages": stages,
            "next_stage": next_stage(stages),
            "notice": selectors.notice_summary(viewer=viewer, meeting=meeting),
            "announcements": selectors.announcements_of(viewer=viewer, meeting=meeting),
            "is_council": meeting.organization.kind == "fullmaktige",
        },
    )
