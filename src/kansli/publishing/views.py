"""The public portal (insyn): what residents and journalists read. Every read goes through the
selectors with the request's viewer; the pages show what the anonymous public may see."""

from django.http import Http404, HttpRequest, HttpResponse


def portal_home(request: HttpRequest) -> HttpResponse:
    raise Http404


def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def minutes_page(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def case_page(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404
