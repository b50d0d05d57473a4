"""Small HTTP helpers for views."""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest

T = TypeVar("T")


def search_text(request: HttpRequest, name: str = "q", limit: int = 100) -> str:
    """A search box's text: bounded, without NUL (which PostgreSQL text cannot hold)."""
    return request.GET.get(name, "")[:limit].replace("\x00", "").strip()


def found_or_404(fetch: Callable[[], T]) -> T:
    """Call a selector; an object that does not exist, or that the viewer may not see,
    is a 404 (the page does not say which)."""
    try:
        return fetch()
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
