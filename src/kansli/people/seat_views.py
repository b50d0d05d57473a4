"""One organization's seats in one term: the list (ended seats too, with their end), a new
seat, ending a seat, and the substitutes' order."""

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from kansli.core.form_page import form_page
from kansli.core.forms import add_service_errors
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor

from . import selectors, services
from .models import Organization, Person, Term
from .namesakes import namesake_question, namesakes_of
from .pages import (
    organization_of_term_or_404,
    seat_of_term_or_404,
    seats_url,
    term_or_404,
)
from .permissions import MANAGE_PEOPLE
from .seat_forms import SeatEndForm, SeatForm, SubstituteOrderForm
from .seat_plan import NEW
from .services.persons import NAMESAKE


def _context(term: Term, organization: Organization, **extra: Any) -> dict[str, Any]:
    return {"term": term, "organization": organization, "nav": "terms", **extra}


@login_required
@permission_required(MANAGE_PEOPLE)
def seat_list(request: HttpRequest, pk: int, organization_pk: int) -> HttpResponse:
    term = term_or_404(request, pk)
    organization = organization_of_term_or_404(request, term, organization_pk)
    members, substitutes = selectors.organization_term_seats(
        viewer=request.user, term=term, organization=organization
    )
    today = timezone.localdate()
    return render(
        request,
        "people/seat_list.html",
        _context(
            term,
            organization,
            members=members,
            substitutes=substitutes,
            today=today,
            day=selectors.reference_day(term, today),
        ),
    )


def _today_in(term: Term) -> datetime.date:
    return selectors.reference_day(term, timezone.localdate())


def _default_start(term: Term, organization: Organization) -> datetime.date:
    """The term's first day while the organization has no seats in it (the composition is
    being entered), else today within the term (someone comes mid-term)."""
    seated = selectors.term_seats(viewer=None, term=term).filter(organization=organization)
    return _today_in(term) if seated.exists() else term.start


@login_required
@permission_required(MANAGE_PEOPLE)
def seat_add(request: HttpRequest, pk: int, organization_pk: int) -> HttpResponse:
    """A new member or substitute, from a day (at a new term's start, or mid-term when
    someone comes)."""
    term = term_or_404(request, pk)
    organization = organization_of_term_or_404(request, term, organization_pk)
    form = SeatForm(
        request.POST or None, initial={"start": _default_start(term, organization), "end": term.end}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        candidates = namesakes_of(data["first_name"], data["last_name"], data["party"])
        answer = form.ask_person(candidates, namesake_question(candidates)) if candidates else ""
        if not candidates or answer:
            chosen: Person | None = next((p for p in candidates if str(p.pk) == answer), None)
            try:
                seat = services.seat_add(
                    actor=request_actor(request),
                    term=term,
                    organization=organization,
                    role=data["role"],
                    start=data["start"],
                    end=data["end"],
                    substitute_order=data["substitute_order"],
                    person=chosen,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    party=data["party"],
                    email=data["email"],
                    allow_namesake=answer == NEW,
                )
            except ValidationError as error:
                if getattr(error, "code", None) == NAMESAKE:  # registered meanwhile
                    form.ask_person(
                        namesakes_of(data["first_name"], data["last_name"], data["party"]),
                        error.messages[0],
                    )
                else:
                    add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    f"{seat.person} är {seat.get_role_display().lower()} i {organization} "
                    f"från {seat.start.isoformat()}.",
                )
                return redirect(seats_url(term, organization))
    return render(
        request,
        "people/seat_form.html",
        _context(term, organization, form=form, back_url=seats_url(term, organization)),
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def seat_end(request: HttpRequest, pk: int, seat_pk: int) -> HttpResponse:
    """End a seat on a day: the person leaves; the seat stays in the list with its end."""
    term = term_or_404(request, pk)
    seat = seat_of_term_or_404(request, term, seat_pk)
    back = seats_url(term, seat.organization)
    form = SeatEndForm(request.POST or None, initial={"end": seat.end or _today_in(term)})

    def save(data: dict[str, Any]) -> tuple[str, str]:
        ended = services.membership_end(
            actor=request_actor(request), membership=seat, end=data["end"]
        )
        return (
            f"{ended.person}s uppdrag som {ended.get_role_display().lower()} slutar "
            f"{ended.end.isoformat() if ended.end else ''}.",
            back,
        )

    return form_page(
        request,
        form=form,
        save=save,
        context={
            "title": f"Avsluta uppdraget för {seat.person}",
            "lead": f"{seat.get_role_display()} i {seat.organization} från "
            f"{seat.start.isoformat()}. Uppdraget finns kvar i listan med sitt slutdatum; "
            "den som kommer i stället läggs till som ett nytt uppdrag.",
            "button": "Avsluta uppdraget",
            "back_url": back,
            "back_label": f"{seat.organization}, {term}",
            "nav": "terms",
        },
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def substitute_order(request: HttpRequest, pk: int, organization_pk: int) -> HttpResponse:
    """Every seated substitute's place, given and checked as a whole."""
    term = term_or_404(request, pk)
    organization = organization_of_term_or_404(request, term, organization_pk)
    day = selectors.reference_day(term, timezone.localdate())
    substitutes = selectors.seated_substitutes(
        viewer=request.user, term=term, organization=organization, day=day
    )
    form = SubstituteOrderForm(request.POST or None, substitutes=substitutes)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.substitutes_reorder(
                actor=request_actor(request),
                organization=organization,
                term=term,
                day=day,
                orders=form.orders(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Ersättarnas ordning sparades ({changed} ändrade)."
                if changed
                else "Ersättarnas ordning är oförändrad.",
            )
            return redirect(seats_url(term, organization))
    return render(
        request,
        "people/substitute_order.html",
        _context(
            term,
            organization,
            form=form,
            day=day,
            back_url=seats_url(term, organization),
        ),
    )
