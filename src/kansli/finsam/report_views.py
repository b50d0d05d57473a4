"""Placeholder until the comparison report lands (being written now)."""

from django.http import Http404, HttpRequest, HttpResponse


def report(request: HttpRequest) -> HttpResponse:
    raise Http404


report_pdf = report_csv = report
