"""Pages of the motion and citizen-proposal workflow: the list with time limits, registering
on arrival, and one initiative with the next step's form. The report to fullmäktige is in
report_views."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.deadlines import DeadlineState
from kansli.core.form_page import Save, form_page
from kansli.core.forms import KansliForm
from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required, require
from kansli.core.roles import (
    request_actor,
)
from kansli.people.models import OrganizationKind
from kansli.people.selectors import default_body

from . import selectors, services
from .forms import (
    AnnounceForm,
    CitizenProposalForm,
    CompleteForm,
    ConsentForm,
    DecideForm,
    DelegateForm,
    MotionForm,
    ReferForm,
)
from .models import Initiative, InitiativeKind, InitiativeStatus
from .permissions import KEEP_INITIATIVES, READ_INITIATIVES, STEP_PERMISSIONS
from .rules import Step


def _initiative(request: HttpRequest, pk: int) -> Initiative:
    return found_or_404(
        lambda: selectors.initiative_get(viewer=request.user, body=default_body(), pk=pk)
    )


NEAR, PASSED = DeadlineState.NEAR, DeadlineState.PASSED
OPEN_STEPS = (InitiativeStatus.ANNOUNCED, InitiativeStatus.REFERRED, InitiativeStatus.DELEGATED)


@login_required
@permission_required(READ_INITIATIVES)
def initiative_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    found = selectors.initiative_list(viewer=request.user, body=default_body())
    kind = request.GET.get("slag", "")
    if kind in InitiativeKind.values:
        found = found.filter(kind=kind)
    table = selectors.rows(found, today)
    wanted = request.GET.get("tidsgrans", "")
    if wanted == "nara":
        table = [r for r in table if r.state in (DeadlineState.NEAR, DeadlineState.PASSED)]
    elif wanted == "passerad":
        table = [r for r in table if r.state == PASSED]
    elif wanted == "pagaende":
        table = [r for r in table if r.state is not None]
    return render(
        request,
        "initiatives/list.html",
        {
            "rows": table,
            "kind": kind,
            "wanted": wanted,
            "kinds": InitiativeKind.choices,
            "may_write": KEEP_INITIATIVES(request.user),
            "nav": "initiatives",
        },
    )


def _form_page(
    request: HttpRequest,
    form: KansliForm,
    *,
    title: str,
    lead: str,
    save: Save,
    cancel: str,
) -> HttpResponse:
    context = {
        "title": title,
        "lead": lead,
        "button": "Registrera",
        "back_url": cancel,
        "back_label": "Motioner och medborgarförslag",
        "nav": "initiatives",
    }
    return form_page(request, form=form, context=context, save=save)


def _council(body: Any) -> Any:
    return body.organizations.filter(kind=OrganizationKind.COUNCIL).first()


@login_required
@permission_required(KEEP_INITIATIVES)
def motion_register(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = MotionForm(request.POST or None, body=body)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        motion = services.motion_register(
            actor=request_actor(request),
            body=body,
            series=data["series"],
            title=data["title"],
            received_on=data["received_on"],
            authors=list(data["authors"]),
            council=_council(body),
        )
        return f"Motionen registrerades som {motion.case.number}.", _detail(motion)

    return _form_page(
        request,
        form,
        title="Ny motion",
        lead="Registrera motionen när den kommer in. Den ska vara beslutad inom ett år "
        "(kommunallagen 5 kap. 35 §); Kansli håller reda på tidsgränsen.",
        save=save,
        cancel=reverse("initiatives:list"),
    )


@login_required
@permission_required(KEEP_INITIATIVES)
def citizen_proposal_register(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = CitizenProposalForm(request.POST or None, body=body)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        proposal = services.citizen_proposal_register(
            actor=request_actor(request),
            body=body,
            series=data["series"],
            title=data["title"],
            received_on=data["received_on"],
            proposer_name=data["proposer_name"],
            publish_name=data["publish_name"],
            council=_council(body),
        )
        return f"Medborgarförslaget registrerades som {proposal.case.number}.", _detail(proposal)

    return _form_page(
        request,
        form,
        title="Nytt medborgarförslag",
        lead="Registrera förslaget när det kommer in. Förslagsställarens namn publiceras bara "
        "med samtycke.",
        save=save,
        cancel=reverse("initiatives:list"),
    )


def _detail(initiative: Initiative) -> str:
    return reverse("initiatives:detail", args=[initiative.pk])


def _detail_context(request: HttpRequest, initiative: Initiative, **bound: Any) -> dict[str, Any]:
    [row] = selectors.rows([initiative], timezone.localdate())
    return {
        "i": initiative,
        "row": row,
        **_step_forms(request, initiative, **bound),
        "nav": "initiatives",
    }


@login_required
@permission_required(READ_INITIATIVES)
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    return render(request, "initiatives/detail.html", _detail_context(request, initiative))


# The form of each step, and whether it is bound to the initiative.
STEP_FORMS: dict[Step, Any] = {
    Step.COMPLETE: CompleteForm,
    Step.ANNOUNCE: AnnounceForm,
    Step.CONSENT: ConsentForm,
    Step.REFER: ReferForm,
    Step.DELEGATE: DelegateForm,
    Step.DECIDE: DecideForm,
}


def _form(step: Step, initiative: Initiative, data: Any = None) -> KansliForm:
    form_class = STEP_FORMS[step]
    kwargs = {} if form_class is DecideForm else {"initiative": initiative}
    form: KansliForm = form_class(data, **kwargs)
    return form


def _step_forms(request: HttpRequest, initiative: Initiative, **bound: Any) -> dict[str, Any]:
    """The forms of the steps that can come next (rules.next_steps), for a user who may take
    them; a form just posted is shown with its messages even when its step does not apply."""
    forms: dict[str, Any] = dict(bound)
    steps = selectors.next_steps_of(initiative)
    for step in Step:  # in the workflow's order
        if step in steps and STEP_PERMISSIONS[step](request.user):
            forms[step.value] = bound.get(step.value) or _form(step, initiative)
    return forms


def _step(
    request: HttpRequest,
    pk: int,
    step: Step,
    act: Callable[[Initiative, dict[str, Any]], str],
) -> HttpResponse:
    require(request.user, STEP_PERMISSIONS[step])
    initiative = _initiative(request, pk)
    form = _form(step, initiative, request.POST)
    return form_page(
        request,
        form=form,
        context=_detail_context(request, initiative, **{step.value: form}),
        save=lambda data: (act(initiative, data), _detail(initiative)),
        template="initiatives/detail.html",
    )


@login_required
@require_POST
def announce(request: HttpRequest, pk: int) -> HttpResponse:
    def act(initiative: Initiative, data: dict[str, Any]) -> str:
        services.initiative_announce(
            actor=request_actor(request),
            initiative=initiative,
            meeting=data["meeting"],
            refer_to=data["refer_to"],
        )
        return f"Anmälan ligger på dagordningen för {data['meeting']}."

    return _step(request, pk, Step.ANNOUNCE, act)


@login_required
@require_POST
def complete(request: HttpRequest, pk: int) -> HttpResponse:
    def act(initiative: Initiative, data: dict[str, Any]) -> str:
        services.initiative_complete(
            actor=request_actor(request),
            initiative=initiative,
            title=data["title"],
            authors=list(data.get("authors") or []),
            proposer_name=data.get("proposer_name", ""),
            publish_name=data.get("publish_name", False),
        )
        return f"Uppgifterna om {initiative.noun} är kompletta."

    return _step(request, pk, Step.COMPLETE, act)


@login_required
@require_POST
def refer(request: HttpRequest, pk: int) -> HttpResponse:
    def act(initiative: Initiative, data: dict[str, Any]) -> str:
        services.initiative_refer(
            actor=request_actor(request),
            initiative=initiative,
            organization=data["organization"],
            referred_on=data["referred_on"],
        )
        return f"Remitterad till {data['organization']}."

    return _step(request, pk, Step.REFER, act)


@login_required
@require_POST
def delegate(request: HttpRequest, pk: int) -> HttpResponse:
    def act(initiative: Initiative, data: dict[str, Any]) -> str:
        services.citizen_proposal_delegate(
            actor=request_actor(request),
            proposal=initiative,
            organization=data["organization"],
            delegated_on=data["delegated_on"],
        )
        return f"Beslutet överlämnat till {data['organization']}."

    return _step(request, pk, Step.DELEGATE, act)


@login_required
@require_POST
def consent(request: HttpRequest, pk: int) -> HttpResponse:
    def act(initiative: Initiative, data: dict[str, Any]) -> str:
        _, notes = services.citizen_proposal_consent(
            actor=request_actor(request), proposal=initiative, publish_name=data["publish_name"]
        )
        done = (
            "Samtycket är registrerat: namnet får publiceras."
            if data["publish_name"]
            else "Samtycket är återkallat: namnet publiceras inte."
        )
        return " ".join([done, *notes])

    return _step(request, pk, Step.CONSENT, act)


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    def act(initiative: Initiative, data: dict[str, Any]) -> str:
        done = services.initiative_decide(
            actor=request_actor(request),
            initiative=initiative,
            outcome=data["outcome"],
            decided_on=data["decided_on"],
            reference=data["reference"],
        )
        return f"Beslutet är infört: {done.get_outcome_display().lower()}. Ärendet är avslutat."

    return _step(request, pk, Step.DECIDE, act)
