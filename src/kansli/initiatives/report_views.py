"""The report to fullmäktige of motions and citizen proposals not decided in time
(KL 5 kap. 35 §): the page of those past their limit on a day, and putting the report of the
undecided ones on a council meeting's agenda."""

import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from kansli.core.form_page import form_page
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.meetings.permissions import EDIT_AGENDA
from kansli.people.selectors import default_body

from . import selectors, services
from .forms import ReportCompileForm
from .permissions import READ_INITIATIVES


@login_required
@permission_required(READ_INITIATIVES)
def not_prepared_report(request: HttpRequest) -> HttpResponse:
    """The motions and citizen proposals not prepared within the year, as of a day: the list
    fullmäktige is told of (KL 5 kap. 35 §)."""
    today = timezone.localdate()
    text = request.GET.get("per", "")
    error = ""
    try:
        on = datetime.date.fromisoformat(text) if text else today
    except ValueError:
        on, error = today, f"”{text[:20]}” är inget datum; visar läget i dag. Skriv ÅÅÅÅ-MM-DD."
    return render(
        request,
        "initiatives/report.html",
        {
            "rows": selectors.not_prepared(viewer=request.user, body=default_body(), on=on),
            "on": on,
            "may_compile": EDIT_AGENDA(request.user),
            "error": error,
            "nav": "initiatives",
        },
    )


@login_required
@permission_required(EDIT_AGENDA)
def report_compile(request: HttpRequest) -> HttpResponse:
    """Put the report of undecided motions and citizen proposals on fullmäktige's agenda."""
    form = ReportCompileForm(request.POST or None, body=default_body(), viewer=request.user)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        item = services.not_prepared_report_compile(
            actor=request_actor(request),
            meeting=data["meeting"],
            case=data["case_number"],
            series=data["series"],
        )
        count = item.reported_initiatives.count()
        what = "motion eller medborgarförslag" if count == 1 else "motioner och medborgarförslag"
        return (
            f"Punkt {item.number}, {item.title.lower()}, redovisar {count} {what}.",
            reverse("meetings:memo_detail", args=[item.meeting_id, item.number]),
        )

    context = {
        "title": "Redovisa obesvarade motioner och medborgarförslag",
        "lead": "Motioner och medborgarförslag som inte är avgjorda på sammanträdesdagen "
        "läggs i en punkt på fullmäktiges dagordning, med tidsgränsen för var och en "
        "(kommunallagen 5 kap. 35 §). Körs redovisningen igen skrivs punkten om.",
        "button": "Lägg på dagordningen",
        "back_url": reverse("initiatives:report"),
        "back_label": "Ej beredda inom ett år",
        "nav": "initiatives",
    }
    return form_page(request, form=form, context=context, save=save)
