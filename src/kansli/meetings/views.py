"""Meeting pages: the list, creating a meeting, and the meeting with its stages, agenda,
meeting book and notice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kansli.core.forms import add_service_errors
from kansli.core.fragments import cached, shared_audience
from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required
from kansli.core.roles import (
    is_member_or_staff,
    is_staff_member,
    request_actor,
    roles_of,
)
from kansli.memos.rules import join_clauses
from kansli.people.selectors import default_body

from . import selectors, services
from .forms import MeetingCreateForm
from .locks import agenda_lock
from .permissions import MANAGE_MEETINGS
from .stages import meeting_stages, next_stage


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "meetings/meeting_list.html",
        {"meetings": selectors.meeting_list(viewer=request.user), "nav": "meetings"},
    )


@login_required
@permission_required(MANAGE_MEETINGS)
def meeting_create(request: HttpRequest) -> HttpResponse:
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


def _page_content(request: HttpRequest, pk: int, *, cached: bool) -> tuple[str, str]:
    """The meeting page's title and content as the viewer sees them. Content to be cached is
    rendered without the request: it holds nothing of the viewer's own (no CSRF token)."""
    viewer = request.user
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=viewer, pk=pk))
    staff = is_staff_member(viewer)
    may_manage = MANAGE_MEETINGS(viewer)
    lock = agenda_lock(meeting) if may_manage else None
    sent = selectors.items_in_sent_notice(meeting)
    agenda = selectors.agenda(viewer=viewer, meeting=meeting)
    earlier = services.earlier_memos_of(meeting, agenda) if staff else {}
    items = []
    for item in agenda:
        clauses = [c.text for c in item.proposal.clauses.all()] if item.proposal else []
        memo_status = ""
        if item.memo_id is not None and selectors.memo_visible(viewer=viewer, item=item):
            memo_status = "Klart" if item.memo.is_ready else "Utkast"  # type: ignore[union-attr]
        items.append(
            {
                "item": item,
                "clauses": join_clauses(clauses),
                "memo_status": memo_status,
                "earlier_memos": earlier.get(item.pk, []),
                "removable": item.pk not in sent,
            }
        )
    stages = meeting_stages(meeting, viewer) if is_member_or_staff(viewer) else []
    content = render_to_string(
        "meetings/_meeting_page.html",
        {
            "meeting": meeting,
            "items": items,
            "viewer_roles": roles_of(viewer),
            "may_manage": may_manage,
            "agenda_open": may_manage and lock is None,
            "agenda_lock": lock,
            "may_write_memo": staff,
            "may_read_members": is_member_or_staff(viewer),
            "stages": stages,
            "next_stage": next_stage(stages),
            "books": selectors.book_list(viewer=viewer, meeting=meeting),
            "notice": selectors.notice_summary(viewer=viewer, meeting=meeting),
            "announcements": selectors.announcements_of(viewer=viewer, meeting=meeting),
            "is_council": meeting.organization.kind == "fullmaktige",
        },
        request=None if cached else request,
    )
    return str(meeting), content


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting with its stages, agenda, meeting books and notice. Elected members share
    one cached page content per meeting (core/fragments.py); staff get theirs afresh."""
    audience = shared_audience(request.user)
    title, content = cached(
        request,
        "meetings:meeting_detail",
        pk,
        audience,
        lambda: _page_content(request, pk, cached=audience is not None),
    )
    return render(
        request,
        "meetings/meeting_detail.html",
        {"title": title, "content": mark_safe(content), "nav": "meetings"},  # noqa: S308
    )
