"""The list of federations, a federation's page and the forms for its own data: the
federation, its members, its boards with their appointments, and its förbundsordningar with
each member's adoption.
Reading is for staff and elected members; writing for those who manage Finsam."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.people.selectors import default_body

from .. import rules, selectors, services
from ..models import BoardAppointment, BoardRole, CharterVersion, FederationMember
from ..pages import detail_url, federation_or_404, form_page
from ..permissions import MANAGE_FINSAM, READ_FINSAM
from .forms import (
    AdoptionForm,
    AppointmentForm,
    BoardTermForm,
    CharterForm,
    FederationForm,
    MemberForm,
)


@login_required
@permission_required(READ_FINSAM)
def federation_list(request: HttpRequest) -> HttpResponse:
    body = default_body()
    today = timezone.localdate()
    term = rules.board_term(today)
    federations = []
    for federation in selectors.federation_list(viewer=request.user, body=body):
        federations.append(
            {
                "federation": federation,
                "members": list(federation.members.all()),
                "board": next(iter(federation.board_terms.all()), None),
                "charters": selectors.charter_states(federation),
                "allocations": list(federation.state_allocations.order_by("-year")[:3]),
            }
        )
    return render(
        request,
        "finsam/federation_list.html",
        {
            "federations": federations,
            "term": term,
            "may_manage": MANAGE_FINSAM(request.user),
            "nav": "finsam",
        },
    )


@login_required
@permission_required(READ_FINSAM)
def federation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    members = list(federation.members.all())
    days = sorted({p.on for m in members for p in m.populations.all()}, reverse=True)[:3]
    populations = [
        (m, [next((p.inhabitants for p in m.populations.all() if p.on == d), None) for d in days])
        for m in members
        if m.is_municipality
    ]
    return render(
        request,
        "finsam/federation_detail.html",
        {
            "federation": federation,
            "members": members,
            "terms": list(federation.board_terms.all()),
            "charters": selectors.charter_states(federation),
            "days": days,
            "populations": populations,
            "allocations": list(federation.state_allocations.all()),
            "current_term": rules.board_term(timezone.localdate()),
            "may_manage": MANAGE_FINSAM(request.user),
            "roles": BoardRole,
            "nav": "finsam",
        },
    )


@login_required
@permission_required(MANAGE_FINSAM)
def federation_create(request: HttpRequest) -> HttpResponse:
    form = FederationForm(request.POST or None, initial={"split_rule": "befolkning"})

    def save(_: dict[str, Any]) -> tuple[str, str]:
        federation = services.federation_create(
            actor=request_actor(request), body=default_body(), **form.values()
        )
        return (
            f"{federation.name} lades upp. Lägg nu till medlemmarna.",
            detail_url(federation, "medlemmar"),
        )

    return form_page(
        request,
        form=form,
        title="Nytt samordningsförbund",
        lead="Förbundets namn och säte enligt förbundsordningen. Medlemmar, styrelse och "
        "förbundsordning läggs till på förbundets sida.",
        save=save,
        cancel=reverse("finsam:federation_list"),
    )


@login_required
@permission_required(MANAGE_FINSAM)
def federation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    form = FederationForm(request.POST or None, initial=FederationForm.initial_for(federation))

    def save(_: dict[str, Any]) -> tuple[str, str]:
        services.federation_update(
            actor=request_actor(request), federation=federation, **form.values()
        )
        return "Förbundets uppgifter sparades.", detail_url(federation)

    return form_page(
        request,
        form=form,
        title=f"Ändra {federation.name}",
        lead="Namnen används när förbund pekas ut i CSV-filer och på kommandoraden; inget "
        "namn får höra till två förbund.",
        save=save,
        cancel=detail_url(federation),
        federation=federation,
    )


@login_required
@permission_required(MANAGE_FINSAM)
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    form = MemberForm(request.POST or None)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        member = services.federation_member_add(
            actor=request_actor(request), federation=federation, **data
        )
        return f"{member.name} är medlem i {federation.short_name}.", detail_url(
            federation, "medlemmar"
        )

    return form_page(
        request,
        form=form,
        title=f"Ny medlem i {federation.name}",
        lead="Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna är medlemmar "
        "(lagen (2003:1210) 3–4 §§); förbundsordningen anger hur många ledamöter och ersättare "
        "var och en utser.",
        save=save,
        cancel=detail_url(federation, "medlemmar"),
        federation=federation,
    )


@login_required
@permission_required(MANAGE_FINSAM)
def member_edit(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    member: FederationMember = found_or_404(lambda: federation.members.get(pk=member_pk))
    form = MemberForm(request.POST or None, member=member)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        services.federation_member_update(actor=request_actor(request), member=member, **data)
        return f"Uppgifterna om {data['name']} sparades.", detail_url(federation, "medlemmar")

    return form_page(
        request,
        form=form,
        title=f"{member.name} i {federation.short_name}",
        lead=f"{member.get_kind_display()}. Platserna i styrelsen gäller från nästa "
        "mandatperiod som läggs upp.",
        save=save,
        cancel=detail_url(federation, "medlemmar"),
        federation=federation,
    )


@login_required
@permission_required(MANAGE_FINSAM)
def board_term_create(request: HttpRequest, pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    form = BoardTermForm(
        request.POST or None,
        initial=BoardTermForm.initial_for(federation, timezone.localdate()),
    )

    def save(data: dict[str, Any]) -> tuple[str, str]:
        term = services.board_term_create(
            actor=request_actor(request), federation=federation, **data
        )
        return (
            f"Styrelsen {term.start.year}–{term.end.year} lades upp. Lägg nu till de utsedda.",
            detail_url(federation, f"styrelse-{term.pk}"),
        )

    return form_page(
        request,
        form=form,
        title=f"Ny styrelse för {federation.name}",
        lead="Mandatperioden är fyra år från den 1 april året efter valet till fullmäktige. "
        "Antalet ledamöter och ersättare är förslaget summan av medlemmarnas platser.",
        save=save,
        cancel=detail_url(federation, "styrelse"),
        federation=federation,
    )


@login_required
@permission_required(MANAGE_FINSAM)
def appointment_add(request: HttpRequest, pk: int, term_pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    term = found_or_404(lambda: federation.board_terms.get(pk=term_pk))
    form = AppointmentForm(request.POST or None, federation=federation)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        appointment = services.board_appointment_add(
            actor=request_actor(request), term=term, **data
        )
        return (
            f"{appointment.name} är {appointment.get_role_display().lower()} "
            f"för {appointment.member.name}.",
            detail_url(federation, f"styrelse-{term.pk}"),
        )

    return form_page(
        request,
        form=form,
        title=f"Utsedd till styrelsen {term.start.year}–{term.end.year}, {federation.short_name}",
        lead="Den som en medlem har utsett till ledamot eller ersättare.",
        save=save,
        cancel=detail_url(federation, f"styrelse-{term.pk}"),
        federation=federation,
    )


@login_required
@require_POST
@permission_required(MANAGE_FINSAM)
def appointment_remove(request: HttpRequest, pk: int, appointment_pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    appointment: BoardAppointment = found_or_404(
        lambda: selectors.appointment_get(
            viewer=request.user, federation=federation, pk=appointment_pk
        )
    )
    services.board_appointment_remove(actor=request_actor(request), appointment=appointment)
    messages.success(request, f"{appointment.name} togs bort ur styrelsen.")
    return redirect(detail_url(federation, f"styrelse-{appointment.term_id}"))


@login_required
@permission_required(MANAGE_FINSAM)
def charter_propose(request: HttpRequest, pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    form = CharterForm(request.POST or None)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        charter = services.charter_propose(
            actor=request_actor(request), federation=federation, **data
        )
        return (
            f"{charter.title} lades upp. Den gäller när alla medlemmar antagit den.",
            detail_url(federation, f"forbundsordning-{charter.pk}"),
        )

    return form_page(
        request,
        form=form,
        title=f"Ny förbundsordning för {federation.name}",
        lead="En ny eller reviderad förbundsordning. Den träder i kraft när varje medlem har "
        "antagit den; för in antagandena efter hand.",
        save=save,
        cancel=detail_url(federation, "forbundsordning"),
        federation=federation,
    )


@login_required
@permission_required(MANAGE_FINSAM)
def charter_adopt(request: HttpRequest, pk: int, charter_pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    charter: CharterVersion = found_or_404(lambda: federation.charters.get(pk=charter_pk))
    form = AdoptionForm(request.POST or None, charter=charter)
    if not form.fields["member"].queryset.exists():  # type: ignore[attr-defined]
        messages.info(request, "Alla medlemmar har redan antagit förbundsordningen.")
        return redirect(detail_url(federation, f"forbundsordning-{charter.pk}"))

    def save(data: dict[str, Any]) -> tuple[str, str]:
        adoption = services.charter_adopt(actor=request_actor(request), charter=charter, **data)
        return (
            f"{adoption.member.name} antog förbundsordningen den "
            f"{adoption.adopted_on.isoformat()}.",
            detail_url(federation, f"forbundsordning-{charter.pk}"),
        )

    return form_page(
        request,
        form=form,
        title=f"Antagande: {charter.title}",
        lead="En medlems beslut att anta förbundsordningen.",
        save=save,
        cancel=detail_url(federation, f"forbundsordning-{charter.pk}"),
        federation=federation,
    )
