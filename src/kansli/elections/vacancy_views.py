"""Pages of a seat vacated without a resignation: registering the vacancy, and its
by-election with the successor named and elected, or fullmäktige's decision that the holder
keeps the seat."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.form_page import form_page
from kansli.core.forms import KansliForm
from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.people.selectors import default_body

from . import selectors, services
from .forms import DecideForm, KeepForm, NominateForm, VacancyForm
from .models import ByElection
from .permissions import KEEP_ELECTIONS, READ_ELECTIONS
from .rules import Step


def _detail(by_election: ByElection) -> str:
    return reverse("elections:vacancy", args=[by_election.pk])


@login_required
@permission_required(KEEP_ELECTIONS)
def vacancy_register(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = VacancyForm(
        request.POST or None,
        seats=selectors.seats_held(viewer=request.user, body=body, day=timezone.localdate()),
    )

    def save(data: dict[str, Any]) -> tuple[str, str]:
        by_election = services.vacancy_register(
            actor=request_actor(request),
            membership=data["membership"],
            occurred_on=data["occurred_on"],
            reason=data["reason"],
        )
        return _registered(by_election), _detail(by_election)

    context = {
        "title": "Ledig plats utan entledigande",
        "lead": "När en förtroendevald avlider upphör uppdraget den dagen. Upphör valbarheten, "
        "till exempel efter flytt från kommunen, upphör ett uppdrag i fullmäktige genast, men "
        "ett uppdrag som fullmäktige gett (i en nämnd eller styrelse, som revisor) först vid "
        "nästa sammanträde med fullmäktige, om inte fullmäktige efter ansökan beslutar att "
        "personen får ha kvar det under resten av mandattiden (kommunallagen 4 kap. 7 §). "
        "Platsen fylls genom fyllnadsval för resten av perioden.",
        "button": "Registrera",
        "back_url": reverse("elections:list"),
        "back_label": "Entlediganden och fyllnadsval",
        "nav": "elections",
    }
    return form_page(request, form=form, context=context, save=save)


def _registered(by_election: ByElection) -> str:
    """The success message: when the seat ends, and the by-election."""
    assert by_election.seat_ends_on is not None
    last_day = by_election.seat_ends_on.isoformat()
    fill = f"platsen fylls genom fyllnadsval till och med {by_election.end.isoformat()}"
    if not by_election.ends_at_council_meeting:
        verb = "slutar" if by_election.seat_ends_on >= timezone.localdate() else "slutade"
        return f"Uppdraget {verb} {last_day}; {fill}."
    return (
        f"Uppdraget upphör vid nästa sammanträde med fullmäktige, {last_day} (kommunallagen "
        f"4 kap. 7 §), om inte fullmäktige beslutar att personen får ha kvar det. Annars "
        f"{fill}."
    )


def _by_election(request: HttpRequest, pk: int) -> ByElection:
    return found_or_404(
        lambda: selectors.vacancy_get(viewer=request.user, body=default_body(), pk=pk)
    )


def _forms(request: HttpRequest, by_election: ByElection, **bound: KansliForm) -> dict[str, Any]:
    forms: dict[str, Any] = dict(bound)
    if not KEEP_ELECTIONS(request.user):
        return forms
    steps = selectors.vacancy_steps(by_election)
    if Step.KEEP in steps:
        forms.setdefault("keep", KeepForm(initial={"decided_on": by_election.seat_ends_on}))
    if Step.NOMINATE in steps:
        forms.setdefault(
            "nominate",
            NominateForm(
                people=selectors.candidates(viewer=request.user, by_election=by_election),
                initial={"person": by_election.person_id},
            ),
        )
    if Step.ELECT in steps:
        # Not before the seat ends (a council meeting ahead), nor after the period to fill.
        today = timezone.localdate()
        day = min(max(today, by_election.seat_ends_on or today), by_election.end)
        forms.setdefault("elect", DecideForm(initial={"decided_on": day}))
    return forms


def _context(request: HttpRequest, by_election: ByElection, **bound: KansliForm) -> dict[str, Any]:
    return {"b": by_election, **_forms(request, by_election, **bound), "nav": "elections"}


@login_required
@permission_required(READ_ELECTIONS)
def vacancy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    by_election = _by_election(request, pk)
    return render(request, "elections/vacancy.html", _context(request, by_election))


@permission_required(KEEP_ELECTIONS)
def _step(
    request: HttpRequest,
    pk: int,
    name: str,
    make_form: Callable[[ByElection], KansliForm],
    act: Callable[[ByElection, dict[str, Any]], str],
) -> HttpResponse:
    by_election = _by_election(request, pk)
    form = make_form(by_election)
    return form_page(
        request,
        form=form,
        context=_context(request, by_election, **{name: form}),
        save=lambda data: (act(by_election, data), _detail(by_election)),
        template="elections/vacancy.html",
    )


@login_required
@require_POST
def vacancy_nominate(request: HttpRequest, pk: int) -> HttpResponse:
    def act(by_election: ByElection, data: dict[str, Any]) -> str:
        services.by_election_nominate(
            actor=request_actor(request), by_election=by_election, person=data["person"]
        )
        return f"{data['person']} föreslås till platsen."

    return _step(
        request,
        pk,
        "nominate",
        lambda b: NominateForm(
            request.POST, people=selectors.candidates(viewer=request.user, by_election=b)
        ),
        act,
    )


@login_required
@require_POST
def vacancy_elect(request: HttpRequest, pk: int) -> HttpResponse:
    def act(by_election: ByElection, data: dict[str, Any]) -> str:
        services.by_election_decide(
            actor=request_actor(request), by_election=by_election, decided_on=data["decided_on"]
        )
        return "Fyllnadsvalet är infört."

    return _step(request, pk, "elect", lambda b: DecideForm(request.POST), act)


@login_required
@require_POST
def vacancy_keep(request: HttpRequest, pk: int) -> HttpResponse:
    def act(by_election: ByElection, data: dict[str, Any]) -> str:
        services.vacancy_keep(
            actor=request_actor(request),
            by_election=by_election,
            decided_on=data["decided_on"],
            reference=data["reference"],
        )
        return (
            f"{by_election.vacated.person.name if by_election.vacated else 'Personen'} får ha kvar "
            "uppdraget under återstoden av mandattiden; inget fyllnadsval behövs."
        )

    return _step(request, pk, "keep", lambda b: KeepForm(request.POST), act)
