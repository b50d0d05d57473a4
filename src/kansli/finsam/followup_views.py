"""Placeholder until the follow-up pages land (being written now)."""

from django.http import Http404, HttpRequest, HttpResponse


def follow_up_list(request: HttpRequest) -> HttpResponse:
    raise Http404


def follow_up_import(request: HttpRequest) -> HttpResponse:
    raise Http404


def follow_up_edit(request: HttpRequest, federation_pk: int, year: int) -> HttpResponse:
    raise Http404
