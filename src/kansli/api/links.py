"""Absolute URLs: every OParl object is known by its URL, and links to others by theirs."""

from django.http import HttpRequest
from django.urls import reverse

NAMESPACE = "api_v1"
OPARL = "https://schema.oparl.org/1.1/"


def oparl_type(name: str) -> str:
    """The OParl type URL, e.g. https://schema.oparl.org/1.1/Meeting."""
    return f"{OPARL}{name}"


def api_url(request: HttpRequest, name: str, pk: int | None = None) -> str:
    """The absolute URL of an API operation, e.g. api_url(request, "meeting", 5)."""
    kwargs = {"id": pk} if pk is not None else None
    return request.build_absolute_uri(reverse(f"{NAMESPACE}:{name}", kwargs=kwargs))


def site_url(request: HttpRequest, name: str, *args: object) -> str:
    """The absolute URL of a page of the site, e.g. site_url(request, "publishing:meeting", 5)."""
    return request.build_absolute_uri(reverse(name, args=args))
