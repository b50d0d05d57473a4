"""Entering and changing organizations, parties and persons in the browser (secretaries and
administrators)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kansli.core.form_page import form_page
from kansli.core.forms import add_service_errors
from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor

from . import selectors, services
from .forms import OrganizationForm, PartyForm, PersonForm
from .permissions import MANAGE_PEOPLE
from .services.persons import NAMESAKE


def _organization_page(
    request: HttpRequest, form: OrganizationForm, title: str, back: str, save: Any
) -> HttpResponse:
    return form_page(
        request,
        form=form,
        save=save,
        context={
            "title": title,
            "lead": "Organets namn och typ. Ledamöter och ersättare läggs in per mandatperiod.",
            "button": "Spara",
            "back_url": back,
            "back_label": "Tillbaka",
            "nav": "organizations",
        },
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def organization_create(request: HttpRequest) -> HttpResponse:
    body = selectors.default_body()
    form = OrganizationForm(
        request.POST or None,
        organizations=selectors.organization_list(viewer=request.user).filter(body=body),
        initial={"notice_days": 5},
    )

    def save(data: dict[str, Any]) -> tuple[str, str]:
        organization = services.organization_create(actor=request_actor(request), body=body, **data)
        return (
            f"{organization.name} lades upp.",
            reverse("people:organization_detail", args=[organization.pk]),
        )

    return _organization_page(
        request, form, "Nytt organ", reverse("people:organization_list"), save
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = found_or_404(lambda: selectors.organization_get(viewer=request.user, pk=pk))
    form = OrganizationForm(
        request.POST or None,
        organizations=selectors.organization_list(viewer=request.user)
        .filter(body=organization.body)
        .exclude(pk=organization.pk),
        initial=OrganizationForm.initial_for(organization),
    )

    def save(data: dict[str, Any]) -> tuple[str, str]:
        services.organization_update(
            actor=request_actor(request), organization=organization, **data
        )
        return "Organets uppgifter sparades.", reverse(
            "people:organization_detail", args=[organization.pk]
        )

    back = reverse("people:organization_detail", args=[organization.pk])
    return _organization_page(request, form, f"Ändra {organization.name}", back, save)


@login_required
@permission_required(MANAGE_PEOPLE)
def party_list(request: HttpRequest) -> HttpResponse:
    """The parties, and a form for a new one."""
    form = PartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            party = services.party_create(actor=request_actor(request), **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Partiet {party.name} ({party.code}) lades till.")
            return redirect("people:party_list")
    return render(
        request,
        "people/party_list.html",
        {"parties": selectors.party_list(viewer=request.user), "form": form, "nav": "terms"},
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def party_edit(request: HttpRequest, pk: int) -> HttpResponse:
    party = found_or_404(lambda: selectors.party_get(viewer=request.user, pk=pk))
    form = PartyForm(request.POST or None, initial={"code": party.code, "name": party.name})

    def save(data: dict[str, Any]) -> tuple[str, str]:
        services.party_update(actor=request_actor(request), party=party, **data)
        return "Partiets uppgifter sparades.", reverse("people:party_list")

    return form_page(
        request,
        form=form,
        save=save,
        context={
            "title": f"Ändra {party.name}",
            "lead": "Förkortningen är den som står i CSV-filer och i kallelsen, till exempel S.",
            "button": "Spara",
            "back_url": reverse("people:party_list"),
            "back_label": "Partier",
            "nav": "terms",
        },
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A person's name, party and e-mail."""
    person = found_or_404(lambda: selectors.person_get(viewer=request.user, pk=pk))
    form = PersonForm(request.POST or None, initial=PersonForm.initial_for(person))
    back = reverse("people:person_detail", args=[person.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(
                actor=request_actor(request),
                person=person,
                allow_namesake=request.POST.get("another_person") == "on",
                **form.cleaned_data,
            )
        except ValidationError as error:
            if getattr(error, "code", None) == NAMESAKE:
                form.ask_namesake(error.messages[0])
            else:
                add_service_errors(form, error)
        else:
            messages.success(request, "Personens uppgifter sparades.")
            return redirect(back)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": f"Ändra {person.name}",
            "lead": "Namn, parti och e-post. E-postadressen visas bara för anställda.",
            "button": "Spara",
            "back_url": back,
            "back_label": person.name,
            "nav": "people",
        },
    )
