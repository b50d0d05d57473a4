"""Pages of the authorisation register: search (in force on a day, or all), record a decision,
one authorisation with its history and its steps: how it was given (corrected), the
revocation decided, and the day the revocation took effect (avtalslagen 12–16 and 18 §§)."""

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kansli.core.form_page import form_page
from kansli.core.forms import add_service_errors
from kansli.core.http import day_param, found_or_404, search_text
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.people.selectors import default_body

from . import rules, selectors, services
from .forms import GivenByForm, GrantForm, RevocationEventForm, RevokeForm
from .models import EVENT_FIELDS, Authorisation
from .permissions import KEEP_AUTHORISATIONS, READ_AUTHORISATIONS


def _effective_on(authorisation: Authorisation) -> datetime.date | None:
    return rules.revocation_effective_on(
        authorisation.given_by, **authorisation.revocation_events()
    )


def _row(authorisation: Authorisation, day: datetime.date) -> dict[str, Any]:
    return {
        "a": authorisation,
        "effective_on": _effective_on(authorisation),
        "in_force": rules.valid_on(
            authorisation.valid_from,
            day,
            given_by=authorisation.given_by,
            **authorisation.revocation_events(),
        ),
    }


@login_required
@permission_required(READ_AUTHORISATIONS)
def authorisation_list(request: HttpRequest) -> HttpResponse:
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
            "rows": [_row(a, day) for a in found],
            "query": query,
            "every": every,
            "day": day,
            "day_error": day_error,
            "may_write": KEEP_AUTHORISATIONS(request.user),
            "nav": "authorisations",
        },
    )


@login_required
@permission_required(KEEP_AUTHORISATIONS)
def authorisation_grant(request: HttpRequest) -> HttpResponse:
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
            given_by=data["given_by"],
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


def _detail(request: HttpRequest, authorisation: Authorisation, **bound: Any) -> HttpResponse:
    """The page of one authorisation; a form just posted (`bound`) is shown with its
    messages."""
    today = timezone.localdate()
    row = _row(authorisation, today)
    decided = authorisation.revocation_decided_on is not None
    may_write = KEEP_AUTHORISATIONS(request.user)
    forms: dict[str, Any] = dict(bound)
    if may_write and row["effective_on"] is None:
        forms.setdefault("given_by_form", GivenByForm(initial={"given_by": authorisation.given_by}))
        if not {"revoke", "event"} & bound.keys():  # else the step just posted is shown
            if decided:
                forms["event"] = RevocationEventForm(authorisation=authorisation)
            else:
                forms["revoke"] = RevokeForm(
                    initial={"decided_on": today}, authorisation=authorisation
                )
    holder_told_revokes = rules.revoking_event(authorisation.given_by) == "holder_told_on"
    holder_told = authorisation.holder_told_on
    return render(
        request,
        "authorisations/detail.html",
        {
            **row,
            "paragraph": rules.PARAGRAPH[authorisation.given_by],
            "how_revoked": rules.HOW_REVOKED[authorisation.given_by],
            "not_yet": rules.NOT_YET[authorisation.given_by],
            "holder_told_revokes": holder_told_revokes,
            "holder_told_not_enough": None if holder_told_revokes else holder_told,
            "history": selectors.authorisation_history(
                viewer=request.user, authorisation=authorisation
            ),
            **forms,
            "nav": "authorisations",
        },
    )


@login_required
@permission_required(READ_AUTHORISATIONS)
def authorisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _authorisation(request, pk))


@permission_required(KEEP_AUTHORISATIONS)
def _step(
    request: HttpRequest,
    pk: int,
    name: str,
    form: Callable[[Authorisation], Form],
    act: Callable[[Authorisation, dict[str, Any]], str],
) -> HttpResponse:
    """A POST of one of the detail page's forms: the service's refusal is shown on the form,
    nothing written; on success back to the page with the message."""
    authorisation = _authorisation(request, pk)
    bound = form(authorisation)
    if bound.is_valid():
        try:
            message = act(authorisation, bound.cleaned_data)
        except ValidationError as error:
            add_service_errors(bound, error)
        else:
            messages.success(request, message)
            return redirect(reverse("authorisations:detail", args=[pk]))
    return _detail(request, authorisation, **{name: bound})


def _events(data: dict[str, Any]) -> dict[str, Any]:
    return {field: data[field] for field in EVENT_FIELDS if data.get(field) is not None}


def _effect_message(authorisation: Authorisation) -> str:
    effective = _effective_on(authorisation)
    paragraph = rules.PARAGRAPH[authorisation.given_by]
    if effective is None:
        return (
            f"Återkallelsen är antecknad men har inte fått verkan: "
            f"{rules.NOT_YET[authorisation.given_by]} (avtalslagen {paragraph})."
        )
    return f"Fullmakten upphörde {effective.isoformat()} (avtalslagen {paragraph})."


@login_required
@require_POST
def authorisation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    def act(authorisation: Authorisation, data: dict[str, Any]) -> str:
        revoked = services.authorisation_revoke(
            actor=request_actor(request),
            authorisation=authorisation,
            decided_on=data["decided_on"],
            reason=data["reason"],
            **_events(data),
        )
        return _effect_message(revoked)

    return _step(
        request,
        pk,
        "revoke",
        lambda a: RevokeForm(request.POST, authorisation=a),
        act,
    )


@login_required
@require_POST
def authorisation_revocation_event(request: HttpRequest, pk: int) -> HttpResponse:
    def act(authorisation: Authorisation, data: dict[str, Any]) -> str:
        recorded = services.authorisation_record_revocation(
            actor=request_actor(request), authorisation=authorisation, **_events(data)
        )
        return _effect_message(recorded)

    return _step(
        request,
        pk,
        "event",
        lambda a: RevocationEventForm(request.POST, authorisation=a),
        act,
    )


@login_required
@require_POST
def authorisation_given_by(request: HttpRequest, pk: int) -> HttpResponse:
    def act(authorisation: Authorisation, data: dict[str, Any]) -> str:
        changed = services.authorisation_set_given_by(
            actor=request_actor(request), authorisation=authorisation, given_by=data["given_by"]
        )
        return f"Antecknat hur fullmakten gavs: {changed.get_given_by_display()}."

    return _step(
        request,
        pk,
        "given_by_form",
        lambda a: GivenByForm(request.POST),
        act,
    )
