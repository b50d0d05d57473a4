"""Terms of office (mandatperioder): the list, a new one, one term's organizations with their
members and substitutes, and copying the previous term's seats."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from kansli.core.form_page import Save, form_page
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor

from . import selectors, services
from .copy_plan import CopyPlan, plan_copy
from .forms import TermForm
from .pages import term_or_404
from .permissions import MANAGE_PEOPLE


@login_required
@permission_required(MANAGE_PEOPLE)
def term_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "people/term_list.html",
        {"terms": selectors.term_list(viewer=request.user), "nav": "terms"},
    )


def _term_form_page(
    request: HttpRequest, form: TermForm, title: str, back: str, save: Save
) -> HttpResponse:
    return form_page(
        request,
        form=form,
        save=save,
        context={
            "title": title,
            "lead": "Mandatperiodens namn och dagar. Uppdragen för perioden läggs in per organ "
            "på mandatperiodens sida.",
            "button": "Spara",
            "back_url": back,
            "back_label": "Mandatperioder",
            "nav": "terms",
        },
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def term_create(request: HttpRequest) -> HttpResponse:
    form = TermForm(request.POST or None)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        term = services.term_create(
            actor=request_actor(request), body=selectors.default_body(), **data
        )
        return (
            f"Mandatperioden {term} lades upp. Lägg nu in ledamöter och ersättare per organ.",
            reverse("people:term_detail", args=[term.pk]),
        )

    return _term_form_page(request, form, "Ny mandatperiod", reverse("people:term_list"), save)


@login_required
@permission_required(MANAGE_PEOPLE)
def term_edit(request: HttpRequest, pk: int) -> HttpResponse:
    term = term_or_404(request, pk)
    form = TermForm(request.POST or None, initial=TermForm.initial_for(term))

    def save(data: dict[str, Any]) -> tuple[str, str]:
        services.term_update(actor=request_actor(request), term=term, **data)
        return "Mandatperioden sparades.", reverse("people:term_detail", args=[term.pk])

    back = reverse("people:term_detail", args=[term.pk])
    return _term_form_page(request, form, f"Ändra mandatperioden {term}", back, save)


@login_required
@permission_required(MANAGE_PEOPLE)
def term_detail(request: HttpRequest, pk: int) -> HttpResponse:
    term = term_or_404(request, pk)
    day = selectors.reference_day(term, timezone.localdate())
    return render(
        request,
        "people/term_detail.html",
        {
            "term": term,
            "day": day,
            "organizations": selectors.term_organizations(viewer=request.user, term=term, day=day),
            "previous": selectors.previous_term(viewer=request.user, term=term),
            "nav": "terms",
        },
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def term_copy(request: HttpRequest, pk: int) -> HttpResponse:
    """What copying the previous term would do; on POST, do it."""
    term = term_or_404(request, pk)
    error = ""
    if request.method == "POST":
        try:
            plan = services.term_copy_seats(actor=request_actor(request), term=term)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, copied_message(plan))
            return redirect("people:term_detail", pk=term.pk)
    plan = plan_copy(term=term)
    return render(
        request,
        "people/term_copy.html",
        {"term": term, "plan": plan, "error": error, "nav": "terms"},
    )


def copied_message(plan: CopyPlan) -> str:
    """What was copied, in Swedish."""
    parts = [
        f"{o.organization} ({o.members} ledamöter, {o.substitutes} ersättare"
        + (", ersättarnas ordning numrerad om utan luckor" if o.renumbered else "")
        + ")"
        for o in plan.copied
    ]
    message = (
        f"Kopierade {plan.seat_count} uppdrag från mandatperioden {plan.source}: "
        + "; ".join(parts)
        + "."
    )
    if plan.skipped:
        message += " Hoppade över " + "; ".join(
            f"{o.organization} ({o.skipped})" for o in plan.skipped
        )
        message += "."
    return message
