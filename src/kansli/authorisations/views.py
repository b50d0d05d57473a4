"""Pages of the authorisation register: search (in force on a day, or all), record a decision,
one authorisation with its history and the revocation form."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.form_page import form_page
from kansli.core.forms import add_service_errors
from kansli.core.http import day_param, found_or_404, search_text
from kansli.core.roles import can_manage_meetings, is_member_or_staff, request_actor
from kansli.people.selectors import default_body

from . import rules, selectors, services
from .forms import GrantForm, RevokeForm
from .models import Authorisation

_READ_DENIED = "Fullmakter visas för anställda och förtroendevalda."


def _require_reader(request: HttpRequest) -> None:
    if not is_member_or_staff(request.user):
        raise PermissionDenied(_READ_DENIED)


def _require_writer(request: HttpRequest) -> None:
    if not can_manage_meetings(request.user):
        raise PermissionDenied(services.DENIED)


@login_required
def authorisation_list(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    query = search_text(request)
    every = request.GET.get("alla") == "1"
    day, day_error = day_param(request)
    found = selectors.authorisation_list(
        viewer=request.user, body=default_body(), query=query, on_day=None if every else day
    )[:500]
    return render(
        request,
        "authorisations/list.html",
        {
            "rows": [(a, rules.valid_on(a.valid_from, a.revoked_on, day)) for a in found],
            "query": query,
            "every": every,
            "day": day,
            "day_error": day_error,
            "may_write": can_manage_meetings(request.user),
            "nav": "authorisations",
        },
    )


@login_required
def authorisation_grant(request: HttpRequest) -> HttpResponse:
    _require_writer(request)
    form = GrantForm(
        request.POST or None,
        body=default_body(),
        viewer=request.user,
        initial={"valid_from": timezone.localdate()},
    )

    def save(data: dict[str, Any]) -> tuple[str, str]:
        granted = services.authorisation_grant(
            actor=request_actor(request),
            organization=data["organization"],
            holders=data["holders"],
            scope=data["scope"],
            countersign=data["countersign"],
            valid_from=data["valid_from"],
            decision_reference=data["decision_reference"],
            case=data["case_number"],
        )
        count = len(granted)
        message = "En fullmakt fördes in." if count == 1 else f"{count} fullmakter fördes in."
        return message, reverse("authorisations:list")

    context = {
        "title": "Ny fullmakt",
        "lead": "För in ett beslut om fullmakt eller bemyndigande. Den gäller från beslutet tills "
        "den återkallas.",
        "button": "För in",
        "back_url": reverse("authorisations:list"),
        "back_label": "Fullmakter",
        "nav": "authorisations",
    }
    return form_page(request, form=form, context=context, save=save)


def _authorisation(request: HttpRequest, pk: int) -> Authorisation:
    return found_or_404(
        lambda: selectors.authorisation_get(viewer=request.user, body=default_body(), pk=pk)
    )


def _detail(request: HttpRequest, authorisation: Authorisation, form: Any) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "authorisations/detail.html",
        {
            "a": authorisation,
            "in_force": rules.valid_on(authorisation.valid_from, authorisation.revoked_on, today),
            "history": selectors.authorisation_history(
                viewer=request.user, authorisation=authorisation
            ),
            "revoke": form
            if can_manage_meetings(request.user) and authorisation.revoked_on is None
            else None,
            "nav": "authorisations",
        },
    )


@login_required
def authorisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reader(request)
    authorisation = _authorisation(request, pk)
    form = RevokeForm(initial={"revoked_on": timezone.localdate()})
    return _detail(request, authorisation, form)


@login_required
@require_POST
def authorisation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    _require_writer(request)
    authorisation = _authorisation(request, pk)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.authorisation_revoke(
                actor=request_actor(request),
                authorisation=authorisation,
                revoked_on=form.cleaned_data["revoked_on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Fullmakten är återkallad.")
            return redirect(reverse("authorisations:detail", args=[pk]))
    return _detail(request, authorisation, form)
