"""Changing the agenda: add an item (typed, from a case, or from the cases waiting for an
agenda), change it, move it up or down or drag it, withdraw it or bring it back, remove it."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kansli.core.form_page import form_page
from kansli.core.forms import add_service_errors
from kansli.core.http import found_or_404, id_param, positive_id
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.memos.rules import join_clauses, split_clauses
from kansli.registry.models import Case
from kansli.registry.selectors import case_get, case_get_by_number

from . import selectors, services
from .forms import AgendaItemEditForm, AgendaItemForm, WithdrawForm
from .models import AgendaItem, Meeting
from .permissions import EDIT_AGENDA


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    return found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))


def _item(request: HttpRequest, pk: int, number: int) -> AgendaItem:
    meeting = _meeting(request, pk)
    return found_or_404(
        lambda: selectors.agenda_item_get(viewer=request.user, meeting=meeting, number=number)
    )


def _back(meeting_pk: int, anchor: str = "agenda") -> str:
    return f"{reverse('meetings:meeting_detail', args=[meeting_pk])}#{anchor}"


def _case(request: HttpRequest, meeting: Meeting, form: Any, number: str) -> Case | None:
    """The case a form names by its number, or None; a number that names none is a form
    error."""
    number = number.strip()
    if not number:
        return None
    try:
        return case_get_by_number(
            viewer=request.user, body=meeting.organization.body, number=number
        )
    except ValueError as error:
        form.add_error("case_number", str(error))
    except Case.DoesNotExist:
        form.add_error("case_number", f"Inget ärende med diarienummer {number}.")
    return None


@login_required
@permission_required(EDIT_AGENDA)
def agenda_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    initial = {}
    case_pk = id_param(request, "arende")
    if case_pk is not None:
        try:
            case = case_get(viewer=request.user, pk=case_pk)
        except Case.DoesNotExist:
            case = None
        if case is not None:
            initial = {"case_number": case.number, "is_public": not case.is_secret}
    form = AgendaItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = _case(request, meeting, form, data["case_number"])
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
                    confirmed=data["confirmed"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Punkt {item.number} lades till på dagordningen.")
                return redirect(_back(meeting.pk, f"punkt-{item.number}"))
    return render(
        request,
        "meetings/agenda_item_add.html",
        {"form": form, "meeting": meeting, "nav": "meetings"},
    )


@login_required
@require_POST
@permission_required(EDIT_AGENDA)
def agenda_item_add_from_case(request: HttpRequest) -> HttpResponse:
    """From the cases waiting for an agenda: put the case on the chosen meeting, its title
    the case's."""
    meeting_pk = positive_id(request.POST.get("meeting", ""))
    case_pk = positive_id(request.POST.get("case", ""))
    if meeting_pk is None or case_pk is None:
        messages.error(request, "Välj ett sammanträde i listan.")
        return redirect("minutes:cases_waiting")
    meeting = _meeting(request, meeting_pk)
    case = found_or_404(lambda: case_get(viewer=request.user, pk=case_pk))
    try:
        item = services.agenda_item_add(
            actor=request_actor(request),
            meeting=meeting,
            case=case,
            is_public=not case.is_secret,
            confirmed=False,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("minutes:cases_waiting")
    messages.success(request, f"Ärende {case.number} är punkt {item.number} på {meeting}.")
    return redirect(_back(meeting.pk, f"punkt-{item.number}"))


@login_required
@permission_required(EDIT_AGENDA)
def agenda_item_edit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = _item(request, pk, number)
    clauses = [c.text for c in item.proposal.clauses.all()] if item.proposal else []
    form = AgendaItemEditForm(
        request.POST or None,
        initial={
            "title": item.title,
            "case_number": item.case.number if item.case else "",
            "is_public": item.is_public,
            "formula": item.proposal.formula if item.proposal else "",
            "clauses": "\n".join(clauses),
        },
    )
    if item.memo_id is not None:
        for name in ("formula", "clauses"):
            form.fields[name].disabled = True
            form.fields[name].help_text = "Förslaget till beslut ändras i föredragnings-PM:et."

    def save(data: dict[str, Any]) -> tuple[str, str]:
        case = _case(request, item.meeting, form, data["case_number"])
        if form.errors:
            raise ValidationError([])
        services.agenda_item_update(
            actor=request_actor(request),
            item=item,
            title=data["title"],
            is_public=data["is_public"],
            case=case,
            formula=data["formula"] if item.memo_id is None else "",
            clauses=split_clauses(data["clauses"]) if item.memo_id is None else [],
        )
        return f"Punkt {item.number} är ändrad.", _back(pk, f"punkt-{item.number}")

    return form_page(
        request,
        form=form,
        save=save,
        context={
            "title": f"Ändra punkt {item.number}",
            "lead": f"{item.meeting}: {item.title}",
            "button": "Spara",
            "back_url": _back(pk, f"punkt-{item.number}"),
            "back_label": f"Till sammanträdet {item.meeting}",
            "nav": "meetings",
        },
    )


def _run(request: HttpRequest, action: Any, done: str) -> None:
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)


@login_required
@require_POST
@permission_required(EDIT_AGENDA)
def agenda_item_move(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = _item(request, pk, number)
    step = -1 if request.POST.get("riktning") == "upp" else 1
    _run(
        request,
        lambda: services.agenda_item_move(actor=request_actor(request), item=item, step=step),
        f"{item.title} flyttades {'upp' if step < 0 else 'ned'}.",
    )
    return redirect(_back(pk, f"punkt-{max(1, number + step)}"))


@login_required
@require_POST
@permission_required(EDIT_AGENDA)
def agenda_reorder(request: HttpRequest, pk: int) -> HttpResponse:
    """The order from dragging: the item ids, comma separated."""
    meeting = _meeting(request, pk)
    order = [
        positive_id(part.strip()) for part in request.POST.get("ordning", "")[:10_000].split(",")
    ]
    if None in order:
        messages.error(request, "Ordningen kunde inte läsas. Ladda om sidan och försök igen.")
        return redirect(_back(pk))
    _run(
        request,
        lambda: services.agenda_reorder(
            actor=request_actor(request), meeting=meeting, order=[p for p in order if p]
        ),
        "Dagordningen har fått ny ordning.",
    )
    return redirect(_back(pk))


@login_required
@require_POST
@permission_required(EDIT_AGENDA)
def agenda_item_withdraw(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = _item(request, pk, number)
    form = WithdrawForm(request.POST)
    withdraw = request.POST.get("atgard") != "aterinfor"
    if not form.is_valid():
        messages.error(request, "Skälet får vara högst 300 tecken.")
        return redirect(_back(pk, f"punkt-{number}"))
    _run(
        request,
        lambda: services.agenda_item_withdraw(
            actor=request_actor(request),
            item=item,
            reason=form.cleaned_data["reason"],
            withdraw=withdraw,
        ),
        f"Punkt {number} utgår." if withdraw else f"Punkt {number} är åter på dagordningen.",
    )
    return redirect(_back(pk, f"punkt-{number}"))


@login_required
@permission_required(EDIT_AGENDA)
def agenda_item_remove(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """A page that asks before the item is removed; its POST removes it."""
    item = _item(request, pk, number)
    if request.method == "POST":
        try:
            services.agenda_item_remove(actor=request_actor(request), item=item)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(_back(pk, f"punkt-{number}"))
        messages.success(request, f"Punkt {number}, {item.title}, är borttagen.")
        return redirect(_back(pk))
    clauses = [c.text for c in item.proposal.clauses.all()] if item.proposal else []
    return render(
        request,
        "meetings/agenda_item_remove.html",
        {
            "item": item,
            "meeting": item.meeting,
            "clauses": join_clauses(clauses),
            "nav": "meetings",
        },
    )
