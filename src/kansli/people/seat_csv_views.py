"""Reading an organization's members and substitutes from CSV or an Excel workbook, in two
steps: the preview of what would be created (new persons, registered persons reused, seats; a
question for every namesake), then "Spara", which writes all of it or nothing."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.core.tabular import excel

from . import selectors, services
from .models import Organization, Term
from .pages import organization_of_term_or_404, seats_url, term_or_404
from .permissions import MANAGE_PEOPLE
from .seat_csv import ROLE_HELP, SeatSheet, read_bytes, read_text
from .seat_forms import SeatCsvForm, SeatCsvSaveForm
from .seat_plan import NEW, SeatPlan, plan_seats

EXAMPLE = (
    "namn;parti;roll;ordning;e-post\n"
    "Anna Exempelsson;S;Ordförande;;anna.exempelsson@example.se\n"
    "Berg, Bertil;M;1:e vice ordförande;;\n"
    "Cecilia Prov;S;ledamot;;\n"
    "David Test;S;ersättare;1;\n"
    "Eva Fiktiv;M;ersättare;1;eva.fiktiv@example.se\n"
)


def _page(
    request: HttpRequest, term: Term, organization: Organization, template: str, **extra: Any
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "term": term,
            "organization": organization,
            "back_url": seats_url(term, organization),
            "example": EXAMPLE,
            "role_help": ROLE_HELP,
            "reads_excel": excel.available(),
            "nav": "terms",
            **extra,
        },
    )


@login_required
@permission_required(MANAGE_PEOPLE)
def seat_csv(request: HttpRequest, pk: int, organization_pk: int) -> HttpResponse:
    term = term_or_404(request, pk)
    organization = organization_of_term_or_404(request, term, organization_pk)
    if request.method == "POST" and "step" in request.POST:
        return _preview_step(request, term, organization)
    form = SeatCsvForm(request.POST or None, request.FILES or None, initial={"start": term.start})
    if request.method == "POST" and form.is_valid():
        parties = list(selectors.party_list(viewer=request.user))
        data = form.cleaned_data
        upload: tuple[bytes, str] | None = data["file"]
        sheet: SeatSheet = (
            read_bytes(upload[0], parties, filename=upload[1])
            if upload is not None
            else read_text(data["text"], parties)
        )
        if sheet.problems:
            return _page(
                request, term, organization, "people/seat_csv.html", form=form, sheet=sheet
            )
        plan = plan_seats(
            term=term, organization=organization, rows=sheet.rows, start=data["start"], choices={}
        )
        return _preview(request, term, organization, sheet, plan)
    return _page(request, term, organization, "people/seat_csv.html", form=form)


def _preview(
    request: HttpRequest,
    term: Term,
    organization: Organization,
    sheet: SeatSheet,
    plan: SeatPlan,
    refused: list[str] | None = None,
) -> HttpResponse:
    return _page(
        request,
        term,
        organization,
        "people/seat_csv_preview.html",
        sheet=sheet,
        plan=plan,
        refused=refused or [],
        new_choice=NEW,
    )


def _preview_step(request: HttpRequest, term: Term, organization: Organization) -> HttpResponse:
    """The preview's buttons: answer every question with one match "the same person", or
    save. The text is read and the plan made again; nothing is trusted from the page but
    the answers, which must name one of the row's namesakes."""
    form = SeatCsvSaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Förhandsvisningen gick inte att läsa. Läs in filen igen.")
        return redirect("people:seat_csv", pk=term.pk, organization_pk=organization.pk)
    parties = list(selectors.party_list(viewer=request.user))
    sheet = read_text(form.cleaned_data["text"], parties)
    if sheet.problems:
        return _page(
            request,
            term,
            organization,
            "people/seat_csv.html",
            form=SeatCsvForm(initial={"start": form.cleaned_data["start"]}),
            sheet=sheet,
        )
    choices = {row.line: str(request.POST.get(f"person_{row.line}", ""))[:20] for row in sheet.rows}
    start = form.cleaned_data["start"]
    if request.POST.get("step") == "same":
        plan = plan_seats(
            term=term, organization=organization, rows=sheet.rows, start=start, choices=choices
        )
        for planned in plan.questions:
            if len(planned.candidates) == 1:
                choices[planned.row.line] = str(planned.candidates[0].pk)
    plan = plan_seats(
        term=term, organization=organization, rows=sheet.rows, start=start, choices=choices
    )
    if request.POST.get("step") != "save":
        return _preview(request, term, organization, sheet, plan)
    try:
        saved = services.seats_import(
            actor=request_actor(request),
            term=term,
            organization=organization,
            rows=sheet.rows,
            start=start,
            choices=choices,
        )
    except ValidationError as error:
        return _preview(request, term, organization, sheet, plan, refused=error.messages)
    messages.success(
        request,
        f"Sparade {len(saved.seats)} uppdrag i {organization}: {len(saved.members)} ledamöter "
        f"och {len(saved.substitutes)} ersättare; {len(saved.new_persons)} nya personer och "
        f"{len(saved.existing_persons)} som redan fanns.",
    )
    return redirect(seats_url(term, organization))
