"""The comparison report across federations and years: a page with charts and tables, the
same as PDF, and the figures as CSV for Excel. For staff and elected members.

Parameters: ar=YYYY (the year of the bars per federation) and forbund=<name> (one
federation only). What cannot be followed is said in Swedish: the page shows the report
without it (status 400), the files are refused with the message (status 400)."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from kansli.core.permissions import permission_required
from kansli.people.models import Body
from kansli.people.selectors import default_body

from ..permissions import READ_FINSAM
from .report import Report, build_report, parse_query
from .report_csv import report_csv as csv_text
from .report_pdf import TITLE
from .report_pdf import report_pdf as pdf_bytes

_NO_BODY = "Ingen huvudman är registrerad ännu, så det finns inget att jämföra."


def _body() -> Body | None:
    try:
        return default_body()
    except Body.DoesNotExist:
        return None


def _made(request: HttpRequest) -> tuple[Body | None, Report | None, list[str]]:
    """The body, its report as asked for, and the Swedish messages on what could not be
    followed."""
    query = parse_query(request.GET)
    body = _body()
    if body is None:
        return None, None, [*query.errors, _NO_BODY]
    result = build_report(
        viewer=request.user, body=body, year=query.year, federation=query.federation
    )
    return body, result, [*query.errors, *result.errors]


def _refusal(errors: list[str]) -> HttpResponse:
    return HttpResponseBadRequest("\n".join(errors), content_type="text/plain; charset=utf-8")


@login_required
@require_safe
@permission_required(READ_FINSAM)
def report(request: HttpRequest) -> HttpResponse:
    body, result, errors = _made(request)
    file_params: dict[str, str] = {}
    if result and result.federation_filter:
        file_params["forbund"] = result.federation_filter.short_name
    csv_query = urlencode(file_params)
    if result and result.chart_year and not errors and request.GET.get("ar"):
        file_params["ar"] = str(result.chart_year)
    return render(
        request,
        "finsam/report.html",
        {
            "nav": "finsam",
            "title": TITLE,
            "body": body,
            "report": result,
            "errors": errors,
            "pdf_query": urlencode(file_params),
            "csv_query": csv_query,
        },
        status=400 if errors and body is not None else 200,
    )


@login_required
@require_safe
@permission_required(READ_FINSAM)
def report_pdf(request: HttpRequest) -> HttpResponse:
    body, result, errors = _made(request)
    if errors or body is None or result is None:
        return _refusal(errors)
    pdf = pdf_bytes(result, body_name=body.name, today=timezone.localdate())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="finsam-jamforelse.pdf"'
    return response


@login_required
@require_safe
@permission_required(READ_FINSAM)
def report_csv(request: HttpRequest) -> HttpResponse:
    _, result, errors = _made(request)
    if errors or result is None:
        return _refusal(errors)
    response = HttpResponse(
        csv_text(result).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="finsam-jamforelse.csv"'
    return response
