"""The archivist's pages: the classification structure and the informationshanteringsplan
(read, upload and download as CSV), and disposal (what is due, the decision, its record)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from kansli.core.forms import add_service_errors
from kansli.core.permissions import permission_required, require
from kansli.core.roles import request_actor
from kansli.people.selectors import default_body

from . import plan_csv, retention
from .permissions import DISPOSE, KEEP_PLAN, READ_PLAN
from .plan_forms import DisposalForm, PlanCsvForm
from .services.disposal import disposal_decide
from .services.plan import plan_import


@login_required
@permission_required(READ_PLAN)
def plan(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = PlanCsvForm(request.POST or None, request.FILES or None)
    sheet = None
    if request.method == "POST":
        require(request.user, KEEP_PLAN)
        if form.is_valid():
            data, name = form.cleaned_data["file"]
            sheet = plan_csv.read_bytes(data, known=retention.class_depths(body), filename=name)
            if sheet.ok:
                try:
                    done = plan_import(actor=request_actor(request), body=body, sheet=sheet)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(
                        request,
                        f"Planen lästes in: {done.classes} klasser och {done.rows} rader i "
                        "planen."
                        + (f" Nya benämningar: {'; '.join(done.renamed)}." if done.renamed else ""),
                    )
                    return redirect("registry:plan")
            elif not sheet.problems:
                form.add_error("file", "Filen har inga rader.")
    return render(
        request,
        "registry/plan.html",
        {
            "body": body,
            "plan": retention.plan_of(body),
            "form": form if KEEP_PLAN(request.user) else None,
            "sheet": sheet,
            "header": plan_csv.HEADER,
            "nav": "archive",
        },
    )


@login_required
@permission_required(READ_PLAN)
def plan_download(request: HttpRequest) -> HttpResponse:
    body = default_body()
    text = plan_csv.write(retention.plan_of(body))
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="informationshanteringsplan.csv"'
    return response


@login_required
@permission_required(READ_PLAN)
def plan_download_xlsx(request: HttpRequest) -> HttpResponse:
    data = plan_csv.write_xlsx(retention.plan_of(default_body()))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="informationshanteringsplan.xlsx"'
    return response


SHOWN = 500  # at a time: a decision of more is taken in several rounds


@login_required
@permission_required(DISPOSE)
def disposal(request: HttpRequest) -> HttpResponse:
    body = default_body()
    today = timezone.localdate()
    due = retention.disposal_due(viewer=request.user, body=body, today=today, limit=SHOWN)
    choices = [(str(item.document.pk), item.document.number) for item in due]
    form = DisposalForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["documents"])
        try:
            decision = disposal_decide(
                actor=request_actor(request),
                body=body,
                documents=[item.document for item in due if str(item.document.pk) in chosen],
                reference=form.cleaned_data["reference"],
                today=today,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            count = decision.records.count()
            messages.success(
                request,
                f"{count} {'fil' if count == 1 else 'filer'} gallrades. "
                "Registreringarna finns kvar.",
            )
            return redirect("registry:disposal_detail", pk=decision.pk)
    return render(
        request,
        "registry/disposal.html",
        {
            "due": due,
            "more": len(due) >= SHOWN,
            "form": form,
            "today": today,
            "decisions": retention.disposal_decisions(body)[:50],
            "nav": "archive",
        },
    )


@login_required
@permission_required(DISPOSE)
def disposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(retention.disposal_decisions(default_body()), pk=pk)
    records = retention.disposal_records(viewer=request.user, decision=decision)
    return render(
        request,
        "registry/disposal_detail.html",
        {"decision": decision, "records": records, "nav": "archive"},
    )
