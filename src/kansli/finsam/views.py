"""Placeholder until the federation and contribution pages land (being written now)."""

from django.http import Http404, HttpRequest, HttpResponse


def federation_list(request: HttpRequest) -> HttpResponse:
    raise Http404


contributions = federation_list
