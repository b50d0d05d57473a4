"""Meeting pages: the list, creating a meeting, the agenda, adding an item."""

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
from kansli.memos.rules import join_clauses, split_clauses
from kansli.people.selectors import default_body
from kansli.registry.models import Case
from kansli.registry.selectors import case_get_by_number

from . import selectors, services
from .forms import AgendaItemForm, MeetingCreateForm

_DENIED = "Du har inte behörighet att hantera sammanträden."


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "meetings/meeting_list.html",
        {"meetings": selectors.meeting_list(viewer=request.user), "nav": "meetings"},
    )


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    if not can_manage_meetings(request.user):
        raise PermissionDenied(_DENIED)
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
    items = []
    for item in selectors.agenda(viewer=request.user, meeting=meeting):
        clauses = [c.text for c in item.proposal.clauses.all()] if item.proposal else []
        memo_status = ""
        if item.memo_id is not None and selectors.memo_visible(viewer=request.user, item=item):
            memo_status = "Klart" if item.memo.is_ready else "Utkast"  # type: ignore[union-attr]
        items.append({"item": item, "clauses": join_clauses(clauses), "memo_status": memo_status})
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "nav": "meetings",
            "may_manage": can_manage_meetings(request.user),
            "may_write_memo": is_staff_member(request.user),
            "may_read_members": is_member_or_staff(request.user),
            "books": selectors.book_list(viewer=request.user, meeting=meeting),
        },
    )


@login_required
def agenda_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_manage_meetings(request.user):
        raise PermissionDenied(_DENIED)
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = None
        if data["case_number"].strip():
            try:
                case = case_get_by_number(
                    viewer=request.user, body=meeting.organization.body, number=data["case_number"]
                )
            except ValueError as error:
                form.add_error("case_number", str(error))
            except Case.DoesNotExist:
                form.add_error(
                    "case_number", f"Inget ärende med diarienummer {data['case_number'].strip()}."
                )
        if not form.errors:
            try:
                item = services.agenda_item_add(
                    actor=request_actor(request),
                    meeting=meeting,
                    number=data["number"],
                    title=data["title"],
                    case=case,
                    is_public=data["is_public"],
                    formula=data["formula"],
                    clauses=split_clauses(data["clauses"]),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Punkt {item.number} lades till på dagordningen.")
                return redirect("meetings:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "meetings/agenda_item_add.html",
        {"form": form, "meeting": meeting, "nav": "meetings"},
    )
