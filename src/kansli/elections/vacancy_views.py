"""Pages of a seat vacated without a resignation: registering the vacancy, and its
by-election with the successor named and elected."""

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
from kansli.core.roles import can_manage_people, request_actor
from kansli.people.selectors import default_body

from . import selectors, services
from .forms import DecideForm, NominateForm, VacancyForm
from .models import ByElection
from .views import _require_reader, _require_writer


def _detail(by_election: ByElection) -> str:
    return reverse("elections:vacancy", args=[by_election.pk])


@login_required
def vacancy_register(request: HttpRequest) -> HttpResponse:
    _require_writer(request)
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
        return (
            f"Uppdraget slutade {data['occurred_on'].isoformat()}; platsen fylls genom "
            f"fyllnadsval till och med {by_election.end.isoformat()}.",
            _detail(by_election),
        )

    context = {
        "title": "Ledig plats utan entledigande",
        "lead": "När en förtroendevald avlider eller inte längre är valbar, till exempel efter "
        "att ha flyttat, upphör uppdraget den dagen. Platsen fylls genom fyllnadsval för resten "
        "av perioden.",
        "button": "Registrera",
        "back_url": reverse("elections:list"),
        "back_label": "Entlediganden och fyllnadsval",
        "nav": "elections",
    }
    return form_page(request, form=form, context=context, save=save)


def _by_election(request: HttpRequest, pk: int) -> ByElection:
    return found_or_404(
        lambda: selectors.vacancy_get(viewer=request.user, body=default_body(), pk=pk)
    )


def _forms(request: HttpRequest, by_election: ByElection, **bound: KansliForm) -> dict[str, Any]:
    forms: dict[str, Any] = dict(bound)
    if not can_manage_people(request.user) or by_election.decided_on is not None:
        return forms
    forms.setdefault(
        "nominate",
        NominateForm(
            people=selectors.candidates(viewer=request.user, by_election=by_election),
            initial={"person": by_election.person_id},
        ),
    )
    if by_election.person_id is not None:
        forms.setdefault("elect", DecideForm(initial={"decided_on": timezone.localdate()}))
    return forms


def _context(request: HttpRequest, by_election: ByElection, **bound: KansliForm) -> dict[str, Any]:
    return {"b": by_election, **_forms(request, by_election, **bound), "nav": "elections"}


@login_required
def vacancy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reader(request)
    by_election = _by_election(request, pk)
    return render(request, "elections/vacancy.html", _context(request, by_election))


def _step(
    request: HttpRequest,
    pk: int,
    name: str,
    make_form: Callable[[ByElection], KansliForm],
    act: Callable[[ByElection, dict[str, Any]], str],
) -> HttpResponse:
    _require_writer(request)
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
