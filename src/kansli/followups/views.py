"""Pages of follow-ups and assignments: what is due, recording them, reporting status."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.form_page import form_page
from kansli.core.forms import add_service_errors
from kansli.core.http import found_or_404, id_param
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.memos.models import Memo
from kansli.memos.selectors import memo_get
from kansli.people.selectors import default_body

from . import selectors, services
from .forms import AssignmentForm, DoneForm, FollowUpForm, ReportForm
from .models import Assignment
from .permissions import KEEP_FOLLOW_UPS, READ_FOLLOW_UPS


@login_required
@permission_required(READ_FOLLOW_UPS)
def due_list(request: HttpRequest) -> HttpResponse:
    body = default_body()
    every = request.GET.get("alla") == "1"
    today = timezone.localdate()
    assignments = list(
        selectors.assignment_list(viewer=request.user, body=body, include_done=every)[:500]
    )
    followups = list(
        selectors.followup_list(viewer=request.user, body=body, include_done=every)[:500]
    )
    return render(
        request,
        "followups/list.html",
        {
            "assignments": selectors.due_rows(assignments, today),
            "followups": selectors.due_rows(followups, today),
            "every": every,
            "may_write": KEEP_FOLLOW_UPS(request.user),
            "done_form": DoneForm(initial={"done_on": today}),
            "nav": "followups",
        },
    )


def _form(request: HttpRequest, form: Any, title: str, lead: str, save: Any) -> HttpResponse:
    context = {
        "title": title,
        "lead": lead,
        "button": "För in",
        "back_url": reverse("followups:list"),
        "back_label": "Uppföljning och uppdrag",
        "nav": "followups",
    }
    return form_page(request, form=form, context=context, save=save)


@login_required
@permission_required(KEEP_FOLLOW_UPS)
def assignment_create(request: HttpRequest) -> HttpResponse:
    form = AssignmentForm(request.POST or None, body=default_body(), viewer=request.user)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        assignment = services.assignment_create(
            actor=request_actor(request),
            organization=data["organization"],
            number=data["number"],
            title=data["title"],
            responsible=data["responsible"],
            given_on=data["given_on"],
            due_on=data["due_on"],
            case=data["case_number"],
            official=data["official"],
        )
        return (
            f"Uppdrag {assignment.number} fördes in.",
            reverse("followups:assignment", args=[assignment.pk]),
        )

    return _form(request, form, "Nytt uppdrag", "För in ett uppdrag som ett organ har gett.", save)


@login_required
@permission_required(KEEP_FOLLOW_UPS)
def followup_create(request: HttpRequest) -> HttpResponse:
    initial: dict[str, Any] = {"decided_on": timezone.localdate()}
    memo = _memo_param(request)
    if memo is not None:
        initial.update(pm=memo.pk, case_number=memo.case.number, decided_on=memo.meeting_date)
    form = FollowUpForm(
        request.POST or None, body=default_body(), viewer=request.user, initial=initial
    )

    def save(data: dict[str, Any]) -> tuple[str, str]:
        followup = services.followup_create(
            actor=request_actor(request),
            case=data["case_number"],
            description=data["description"],
            decided_on=data["decided_on"],
            due_on=data["due_on"],
            with_interim_report=data["with_interim_report"],
            memo=data["pm"],
        )
        return f"Uppföljningen ska göras senast {followup.due_on.isoformat()}.", reverse(
            "followups:list"
        )

    return _form(
        request,
        form,
        "Ny uppföljning",
        (
            f"Uppföljning som föredragnings-PM:et ”{memo.title}” ({memo.case.number}) kräver. "
            if memo
            else ""
        )
        + "Ange ett datum, eller att uppföljningen görs med nästa delårsrapport.",
        save,
    )


def _memo_param(request: HttpRequest) -> Memo | None:
    """The memo a follow-up is asked from (?pm=), when the viewer may read it."""
    pk = id_param(request, "pm")
    if pk is None:
        return None
    try:
        return memo_get(viewer=request.user, pk=pk)
    except Memo.DoesNotExist:
        return None


def _assignment_page(request: HttpRequest, assignment: Assignment, form: Any) -> HttpResponse:
    [row] = selectors.due_rows([assignment], timezone.localdate())
    return render(
        request,
        "followups/assignment.html",
        {
            "a": assignment,
            "row": row,
            "history": selectors.assignment_history(viewer=request.user, assignment=assignment),
            "report": form if KEEP_FOLLOW_UPS(request.user) else None,
            "nav": "followups",
        },
    )


def _assignment(request: HttpRequest, pk: int) -> Assignment:
    return found_or_404(
        lambda: selectors.assignment_get(viewer=request.user, body=default_body(), pk=pk)
    )


@login_required
@permission_required(READ_FOLLOW_UPS)
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    initial = {
        "status": assignment.status,
        "forecast": assignment.forecast,
        "reported_on": timezone.localdate(),
        "completed_on": assignment.completed_on,
    }
    return _assignment_page(request, assignment, ReportForm(initial=initial))


@login_required
@require_POST
@permission_required(KEEP_FOLLOW_UPS)
def assignment_report(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.assignment_report(
                actor=request_actor(request), assignment=assignment, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Rapporten sparades.")
            return redirect(reverse("followups:assignment", args=[pk]))
    return _assignment_page(request, assignment, form)


@login_required
@require_POST
@permission_required(KEEP_FOLLOW_UPS)
def followup_done(request: HttpRequest, pk: int) -> HttpResponse:
    followup = found_or_404(
        lambda: selectors.followup_get(viewer=request.user, body=default_body(), pk=pk)
    )
    form = DoneForm(request.POST)
    if form.is_valid():
        try:
            services.followup_done(
                actor=request_actor(request), followup=followup, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Uppföljningen är markerad som gjord.")
            return redirect(reverse("followups:list"))
    for problems in form.errors.values():
        messages.error(request, " ".join(str(problem) for problem in problems))
    return redirect(reverse("followups:list"))
