"""Pages of the delegation workflow: the register of delegated decisions and communications,
registering one, the delegation order, and compiling the report to a meeting."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.form_page import Save, form_page
from kansli.core.forms import KansliForm
from kansli.core.http import found_or_404, id_param, search_text
from kansli.core.permissions import permission_required, require
from kansli.core.roles import (
    request_actor,
)
from kansli.meetings.permissions import EDIT_AGENDA
from kansli.people.selectors import default_body

from . import rules, selectors, services
from .forms import (
    CommunicationForm,
    CompileForm,
    DecisionForm,
    PointEditForm,
    PointForm,
    PostingForm,
)
from .models import Communication, DelegatedDecision
from .permissions import EDIT_ORDER, READ_DELEGATION, REGISTER_DECISIONS


def _page(
    request: HttpRequest, form: KansliForm, *, title: str, lead: str, save: Save, button: str
) -> HttpResponse:
    context = {
        "title": title,
        "lead": lead,
        "button": button,
        "back_url": reverse("delegation:list"),
        "back_label": "Delegationsbeslut och meddelanden",
        "nav": "delegation",
    }
    return form_page(request, form=form, context=context, save=save)


@login_required
@permission_required(READ_DELEGATION)
def decision_list(request: HttpRequest) -> HttpResponse:
    body = default_body()
    organizations = selectors.delegating_organizations(viewer=request.user, body=body)
    wanted = id_param(request, "organ")
    chosen = organizations.filter(pk=wanted).first() if wanted is not None else None
    query = search_text(request)
    unreported = request.GET.get("ej_anmalda") == "1"
    decisions = list(
        selectors.decision_list(
            viewer=request.user,
            body=body,
            organization=chosen,
            query=query,
            unreported=unreported,
        )[:500]
    )
    communications = selectors.communication_list(
        viewer=request.user, body=body, organization=chosen, query=query, unreported=unreported
    )[:500]
    return render(
        request,
        "delegation/list.html",
        {
            "rows": selectors.decision_rows(decisions, timezone.localdate()),
            "today": timezone.localdate(),
            "communications": communications,
            "organizations": organizations,
            "chosen": chosen,
            "query": query,
            "unreported": unreported,
            "may_register": REGISTER_DECISIONS(request.user),
            "may_compile": EDIT_AGENDA(request.user),
            "nav": "delegation",
        },
    )


@login_required
@permission_required(REGISTER_DECISIONS)
def decision_register(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = DecisionForm(request.POST or None, body=body, viewer=request.user)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        decision = services.delegated_decision_register(
            actor=request_actor(request),
            organization=data["organization"],
            point=data["point"],
            decided_by=data["decided_by"],
            decided_on=data["decided_on"],
            summary=data["summary"],
            case=data["case_number"],
            urgent=data["urgent"],
        )
        return (
            f"Delegationsbeslutet registrerades enligt punkt {decision.point.code}.",
            reverse("delegation:list"),
        )

    return _page(
        request,
        form,
        title="Nytt delegationsbeslut",
        lead="Registrera ett beslut som fattats med stöd av delegation. Beslut enligt punkter "
        "som ska anmälas tas med i nästa sammanställning till organet.",
        save=save,
        button="Registrera",
    )


@login_required
@permission_required(REGISTER_DECISIONS)
def communication_register(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = CommunicationForm(request.POST or None, body=body, viewer=request.user)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        services.communication_register(
            actor=request_actor(request),
            organization=data["organization"],
            received_on=data["received_on"],
            sender=data["sender"],
            summary=data["summary"],
            case=data["case_number"],
        )
        return "Meddelandet registrerades.", reverse("delegation:list")

    return _page(
        request,
        form,
        title="Nytt meddelande",
        lead="Registrera information som ska anmälas till organet som meddelandeärende.",
        save=save,
        button="Registrera",
    )


@login_required
@permission_required(READ_DELEGATION)
def point_list(request: HttpRequest) -> HttpResponse:
    body = default_body()
    may_edit = EDIT_ORDER(request.user)
    form = PointForm(request.POST or None, body=body, viewer=request.user) if may_edit else None
    if request.method == "POST":
        require(request.user, EDIT_ORDER)
        assert form is not None

        def save(data: dict[str, Any]) -> tuple[str, str]:
            point = services.delegation_point_create(
                actor=request_actor(request),
                organization=data["organization"],
                code=data["code"],
                title=data["title"],
                delegate=data["delegate"],
                reported=data["reported"],
            )
            return f"Punkt {point.code} lades till.", reverse("delegation:points")

        return form_page(
            request,
            form=form,
            template="delegation/points.html",
            context=_points(request),
            save=save,
        )
    return render(request, "delegation/points.html", {"form": form, **_points(request)})


def _points(request: HttpRequest) -> dict[str, Any]:
    points = selectors.point_list(viewer=request.user, body=default_body())
    return {
        "points": points,
        "may_edit": EDIT_ORDER(request.user),
        "nav": "delegation",
    }


@login_required
@permission_required(EDIT_ORDER)
def point_edit(request: HttpRequest, pk: int) -> HttpResponse:
    point = found_or_404(
        lambda: selectors.point_get(viewer=request.user, body=default_body(), pk=pk)
    )
    initial = {
        "title": point.title,
        "delegate": point.delegate,
        "reported": point.reported,
        "is_active": point.is_active,
    }
    form = PointEditForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        services.delegation_point_update(actor=request_actor(request), point=point, **data)
        return f"Punkt {point.code} sparades.", reverse("delegation:points")

    return _page(
        request,
        form,
        title=f"Punkt {point.code}, {point.organization}",
        lead="Punktens nummer ändras inte: beslut som fattats enligt den hänvisar till det. "
        "En punkt som inte längre gäller finns kvar för de beslut som fattats enligt den.",
        save=save,
        button="Spara",
    )


@login_required
@permission_required(EDIT_AGENDA)
def report_compile(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = CompileForm(request.POST or None, body=body, viewer=request.user)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        item = services.report_item_compile(
            actor=request_actor(request),
            meeting=data["meeting"],
            case=data["case_number"],
            series=data["series"],
        )
        count = item.delegated_decisions.count() + item.communications.count()
        return (
            f"Punkt {item.number}, {item.title.lower()}, har nu {count} "
            f"{'rad' if count == 1 else 'rader'}.",
            reverse("meetings:memo_detail", args=[item.meeting_id, item.number]),
        )

    return _page(
        request,
        form,
        title="Sammanställ anmälnings- och meddelandeärenden",
        lead="Delegationsbeslut som ska anmälas och meddelanden som ännu inte anmälts, fram till "
        "sammanträdesdagen, läggs under en punkt på dagordningen med numrerade listor. Körs "
        "sammanställningen igen läggs nya rader till samma punkt.",
        save=save,
        button="Sammanställ",
    )


@login_required
@permission_required(READ_DELEGATION)
def not_reported_list(request: HttpRequest) -> HttpResponse:
    """The separate record of decisions not reported to the body, with their postings and
    appeal periods."""
    decisions = list(
        selectors.decisions_not_reported(viewer=request.user, body=default_body())[:500]
    )
    return render(
        request,
        "delegation/not_reported.html",
        {
            "rows": selectors.decision_rows(decisions, timezone.localdate()),
            "today": timezone.localdate(),
            "may_register": REGISTER_DECISIONS(request.user),
            "nav": "delegation",
        },
    )


def _decision(request: HttpRequest, pk: int) -> DelegatedDecision:
    return found_or_404(
        lambda: selectors.decision_list(viewer=request.user, body=default_body()).get(pk=pk)
    )


@login_required
@permission_required(REGISTER_DECISIONS)
def decision_post(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    reported = rules.must_be_reported(
        point_reported=decision.point.reported, urgent=decision.urgent
    )
    if decision.posted_on is not None or reported:
        messages.error(
            request,
            "Beslutet anmäls till organet eller är redan tillkännagivet; det finns inget att "
            "registrera.",
        )
        return redirect(reverse("delegation:not_reported"))
    form = PostingForm(request.POST or None, initial={"posted_on": timezone.localdate()})

    def save(data: dict[str, Any]) -> tuple[str, str]:
        services.delegated_decision_post(
            actor=request_actor(request), decision=decision, posted_on=data["posted_on"]
        )
        return "Tillkännagivandet registrerades.", reverse("delegation:not_reported")

    return _page(
        request,
        form,
        title=f"Tillkännage beslut {decision.decided_on.isoformat()}, punkt {decision.point.code}",
        lead=f"{decision.summary} Beslutet anmäls inte till {decision.organization} men kan "
        "överklagas. Ange dagen då det anslogs på anslagstavlan.",
        save=save,
        button="Registrera",
    )


def _remove(request: HttpRequest, row: DelegatedDecision | Communication) -> HttpResponse:
    try:
        services.report_row_remove(actor=request_actor(request), row=row)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Raden togs bort ur sammanställningen och väntar på anmälan.")
    return redirect(reverse("delegation:list"))


@login_required
@require_POST
@permission_required(EDIT_AGENDA)
def decision_report_remove(request: HttpRequest, pk: int) -> HttpResponse:
    return _remove(request, _decision(request, pk))


@login_required
@require_POST
@permission_required(EDIT_AGENDA)
def communication_report_remove(request: HttpRequest, pk: int) -> HttpResponse:
    row = found_or_404(
        lambda: selectors.communication_list(viewer=request.user, body=default_body()).get(pk=pk)
    )
    return _remove(request, row)
