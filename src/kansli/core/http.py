"""Small HTTP helpers for views."""

import datetime
from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest
from django.utils import timezone

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


def day_param(request: HttpRequest, name: str = "datum") -> tuple[datetime.date, str]:
    """A day asked for in the query string, else today; with a Swedish message when what was
    given is not a date (and today is shown instead)."""
    raw = search_text(request, name, 20)
    if not raw:
        return timezone.localdate(), ""
    try:
        return datetime.date.fromisoformat(raw), ""
    except ValueError:
        return timezone.localdate(), f"”{raw}” är inte ett datum (ÅÅÅÅ-MM-DD). Visar i dag."


def id_param(request: HttpRequest, name: str) -> int | None:
    """A row's id asked for in the query string (?organ=12, ?pm=3), or None when absent or not
    a plain positive number ("²", "-1", "abc", forty digits): the page then shows no choice."""
    return positive_id(request.GET.get(name, ""))


def positive_id(raw: str) -> int | None:
    """A row's id as a form or query string gives it, or None when it is not a plain positive
    number of at most twelve ASCII digits."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12 or int(raw) < 1:
        return None
    return int(raw)


def site_root(request: HttpRequest) -> str:
    """The site's root as the user reached it (https://kansli.example.se/): for links in
    e-mails sent from a request."""
    return request.build_absolute_uri("/")
