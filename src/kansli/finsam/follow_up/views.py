"""Follow-up pages: the figures per federation and year with their data checks, entering a
year's figures in a form, and importing many at once from CSV."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kansli.core.forms import add_service_errors
from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.core.tabular.limits import limit_text
from kansli.core.tabular.upload_field import formats_text
from kansli.people.selectors import default_body

from .. import selectors, services
from ..models import Federation, FollowUp
from ..permissions import MANAGE_FINSAM, READ_FINSAM
from . import checks, indicators
from .cells import FIRST_YEAR, MAX_ROWS, year_problem
from .csv_import import MAX_BYTES
from .csv_import import follow_up_import as do_import
from .forms import FollowUpAddForm, FollowUpForm, FollowUpImportForm


@dataclass
class _Year:
    follow_up: FollowUp
    administration_share: Decimal | None
    problems: list[str] = field(default_factory=list)


@dataclass
class _Section:
    federation: Federation
    years: list[_Year] = field(default_factory=list)


@login_required
@permission_required(READ_FINSAM)
def follow_up_list(request: HttpRequest) -> HttpResponse:
    body = default_body()
    federations = selectors.federation_list(viewer=request.user, body=body)
    sections = {f.pk: _Section(f) for f in federations}
    stored = list(selectors.follow_ups(viewer=request.user, body=body))
    for section in sections.values():
        mine = [f for f in stored if f.federation_id == section.federation.pk]
        problems = checks.check_years(section.federation.short_name, mine)
        section.years = [
            _Year(
                follow_up=f,
                administration_share=indicators.administration_share(f),
                problems=[p.message for p in problems if p.year == f.year],
            )
            for f in sorted(mine, key=lambda f: f.year, reverse=True)
        ]
    manager = MANAGE_FINSAM(request.user)
    add_form = None
    if manager:
        add_form = FollowUpAddForm(
            request.GET if "year" in request.GET else None, federations=federations
        )
        if add_form.is_bound and add_form.is_valid():
            return redirect(
                "finsam:follow_up_edit",
                federation_pk=add_form.cleaned_data["federation"].pk,
                year=add_form.cleaned_data["year"],
            )
    return render(
        request,
        "finsam/follow_up_list.html",
        {
            "sections": list(sections.values()),
            "add_form": add_form,
            "can_manage": manager,
            "nav": "finsam",
        },
    )


@login_required
@permission_required(MANAGE_FINSAM)
def follow_up_edit(request: HttpRequest, federation_pk: int, year: int) -> HttpResponse:
    body = default_body()
    federation = found_or_404(
        lambda: selectors.federation_list(viewer=request.user, body=body).get(pk=federation_pk)
    )
    if year_problem(year):
        raise Http404
    follow_up = (
        selectors.follow_ups(viewer=request.user, body=body)
        .filter(federation=federation, year=year)
        .first()
    )
    extra_rows = max(3, follow_up.extra_funds.count() if follow_up else 0)
    form = FollowUpForm(
        request.POST or None, initial=FollowUpForm.initial_for(follow_up), extra_rows=extra_rows
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_record(
                actor=request_actor(request),
                federation=federation,
                year=year,
                figures=form.figures(),
                extra_funds=form.extra_funds(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Uppföljningen {year} för {federation.name} sparades.")
            return redirect(reverse("finsam:follow_up_list") + f"#forbund-{federation.pk}-{year}")
    return render(
        request,
        "finsam/follow_up_edit.html",
        {
            "form": form,
            "federation": federation,
            "year": year,
            "existing": follow_up is not None,
            "nav": "finsam",
        },
    )


@login_required
@permission_required(MANAGE_FINSAM)
def follow_up_import(request: HttpRequest) -> HttpResponse:
    form = FollowUpImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = do_import(
            actor=request_actor(request), body=default_body(), data=form.cleaned_data["file"]
        )
        if result.ok:
            count = len(result.written)
            messages.success(
                request,
                f"Importen är klar: {count} uppföljning{'' if count == 1 else 'ar'} skrevs"
                + (
                    f", varav {result.replaced} ersatte tidigare uppgifter."
                    if result.replaced
                    else "."
                ),
            )
    columns = [("federation", "förbund", "Förbundets namn, kortnamn eller annat namn")]
    columns.append(("year", "år", f"Året uppgifterna gäller, {FIRST_YEAR} eller senare"))
    for name, label in services.FOLLOW_UP_LABELS.items():
        columns.append((name, label, _column_help(name)))
    return render(
        request,
        "finsam/follow_up_import.html",
        {
            "form": form,
            "result": result,
            "columns": columns,
            "max_size": limit_text(MAX_BYTES),
            "formats": formats_text(),
            "max_rows": MAX_ROWS,
            "nav": "finsam",
        },
    )


def _column_help(name: str) -> str:
    if name == "equity":
        return "Hela kronor; får vara negativt"
    if name.endswith("_staff"):
        return "Årsarbetare, decimalkomma eller decimalpunkt"
    if name.endswith("_cost") or name.startswith("cost_") or name == "member_contributions":
        return "Hela kronor"
    return "Antal personer"
