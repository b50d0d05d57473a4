"""Pages of the resignation and by-election workflow: the list, registering a request, and
one resignation with the next step's form."""

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
from kansli.core.roles import (
    request_actor,
)
from kansli.minutes.selectors import meetings_open
from kansli.people.selectors import default_body

from . import selectors, services
from .forms import DecideForm, NominateForm, ProposeForm, RegisterForm
from .models import Resignation
from .permissions import KEEP_ELECTIONS, READ_ELECTIONS, REGISTER_RESIGNATIONS
from .rules import Step


def _detail(resignation: Resignation) -> str:
    return reverse("elections:detail", args=[resignation.pk])


@login_required
@permission_required(READ_ELECTIONS)
def resignation_list(request: HttpRequest) -> HttpResponse:
    body = default_body()
    groups = selectors.resignations_by_stage(viewer=request.user, body=body)
    return render(
        request,
        "elections/list.html",
        {
            **groups,
            "vacancies": selectors.vacancies(viewer=request.user, body=body)[:200],
            "may_write": KEEP_ELECTIONS(request.user),
            "nav": "elections",
        },
    )


@login_required
@permission_required(REGISTER_RESIGNATIONS)
def resignation_register(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = RegisterForm(
        request.POST or None,
        seats=selectors.seats_held(viewer=request.user, body=body, day=timezone.localdate()),
        body=body,
        initial={"requested_on": timezone.localdate()},
    )

    def save(data: dict[str, Any]) -> tuple[str, str]:
        resignation = services.resignation_register(
            actor=request_actor(request),
            membership=data["membership"],
            requested_on=data["requested_on"],
            series=data["series"],
        )
        return f"Begäran registrerades som {resignation.case.number}.", _detail(resignation)

    context = {
        "title": "Ny begäran om entledigande",
        "lead": "Registrera begäran när den kommer in. Platsen fylls genom fyllnadsval för "
        "resten av mandatperioden.",
        "button": "Registrera",
        "back_url": reverse("elections:list"),
        "back_label": "Entlediganden och fyllnadsval",
        "nav": "elections",
    }
    return form_page(request, form=form, context=context, save=save)


def _step_forms(
    request: HttpRequest, resignation: Resignation, **bound: KansliForm
) -> dict[str, Any]:
    forms: dict[str, Any] = dict(bound)
    if not KEEP_ELECTIONS(request.user):
        return forms
    by_election = resignation.by_election
    body = default_body()
    steps = selectors.resignation_steps(resignation)
    if Step.PROPOSE in steps:
        forms.setdefault(
            "propose",
            ProposeForm(meetings=meetings_open(viewer=request.user, body=body)),
        )
    if Step.NOMINATE in steps:
        forms.setdefault(
            "nominate",
            NominateForm(
                people=selectors.candidates(viewer=request.user, by_election=by_election),
                initial={"person": by_election.person_id},
            ),
        )
    if Step.GRANT in steps:
        day = resignation.item.meeting.date if resignation.item else None
        forms.setdefault("grant", DecideForm(initial={"decided_on": day}))
    if Step.ELECT in steps:
        forms.setdefault("elect", DecideForm(initial={"decided_on": timezone.localdate()}))
    return forms


def _resignation(request: HttpRequest, pk: int) -> Resignation:
    return found_or_404(
        lambda: selectors.resignation_get(viewer=request.user, body=default_body(), pk=pk)
    )


@login_required
@permission_required(READ_ELECTIONS)
def resignation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resignation = _resignation(request, pk)
    return render(
        request,
        "elections/detail.html",
        {"r": resignation, **_step_forms(request, resignation), "nav": "elections"},
    )


@permission_required(KEEP_ELECTIONS)
def _step(
    request: HttpRequest,
    pk: int,
    name: str,
    make_form: Callable[[Resignation], KansliForm],
    act: Callable[[Resignation, dict[str, Any]], str],
) -> HttpResponse:
    resignation = _resignation(request, pk)
    form = make_form(resignation)
    return form_page(
        request,
        form=form,
        context={
            "r": resignation,
            **_step_forms(request, resignation, **{name: form}),
            "nav": "elections",
        },
        save=lambda data: (act(resignation, data), _detail(resignation)),
        template="elections/detail.html",
    )


@login_required
@require_POST
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    def act(resignation: Resignation, data: dict[str, Any]) -> str:
        services.resignation_propose(
            actor=request_actor(request), resignation=resignation, meeting=data["meeting"]
        )
        return f"Ärendet ligger på dagordningen för {data['meeting']}."

    meetings = meetings_open(viewer=request.user, body=default_body())
    return _step(
        request, pk, "propose", lambda r: ProposeForm(request.POST, meetings=meetings), act
    )


@login_required
@require_POST
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    def act(resignation: Resignation, data: dict[str, Any]) -> str:
        services.by_election_nominate(
            actor=request_actor(request),
            by_election=resignation.by_election,
            person=data["person"],
        )
        return f"{data['person']} föreslås till platsen."

    return _step(
        request,
        pk,
        "nominate",
        lambda r: NominateForm(
            request.POST,
            people=selectors.candidates(viewer=request.user, by_election=r.by_election),
        ),
        act,
    )


@login_required
@require_POST
def grant(request: HttpRequest, pk: int) -> HttpResponse:
    def act(resignation: Resignation, data: dict[str, Any]) -> str:
        services.resignation_grant(
            actor=request_actor(request), resignation=resignation, decided_on=data["decided_on"]
        )
        return f"Entledigandet är beviljat; uppdraget slutade {data['decided_on'].isoformat()}."

    return _step(request, pk, "grant", lambda r: DecideForm(request.POST), act)


@login_required
@require_POST
def elect(request: HttpRequest, pk: int) -> HttpResponse:
    def act(resignation: Resignation, data: dict[str, Any]) -> str:
        services.by_election_decide(
            actor=request_actor(request),
            by_election=resignation.by_election,
            decided_on=data["decided_on"],
        )
        return "Fyllnadsvalet är infört."

    return _step(request, pk, "elect", lambda r: DecideForm(request.POST), act)
