"""Fragments of pages cached per object and per audience, invalidated by any committed write.

Every write goes through a service that writes an audit row, and each such transaction bumps
the committed-changes counter once it has committed (core.audit). A fragment is keyed by that
counter, read once per request, so the request after a write never gets a fragment rendered
before it: the writer sees the change at once, in every worker process. The key also holds
today's date (stages and deadlines depend on it), the fragment's name and object, and the
audience it was rendered for.

An audience is a group of viewers who are shown exactly the same fragment. Only two are
shared (`shared_audience`): the public (no role: every selector shows the same to anyone
without one) and elected members holding no other role (the selectors decide their view by
the role alone: they see no secret cases, write no memos and manage nothing, so their
fragments carry no form and no CSRF token). Anyone else — staff, whose pages hold forms and
depend on their own cases — gets no cached fragment and renders afresh.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils import timezone

from .audit import committed_changes
from .roles import Role, Viewer, roles_of

T = TypeVar("T")

PUBLIC = "public"
MEMBERS = "members"


def shared_audience(viewer: Viewer | None) -> str | None:
    """The audience whose fragments the viewer may be shown, or None: render for them alone."""
    roles = roles_of(viewer)
    if not roles:
        return PUBLIC
    if roles == {Role.ELECTED}:
        return MEMBERS
    return None


def content_version(request: HttpRequest) -> int:
    """The committed-changes counter, read once per request."""
    version: int | None = getattr(request, "_kansli_content_version", None)
    if version is None:
        version = committed_changes()
        setattr(request, "_kansli_content_version", version)  # noqa: B010 - per request
    return version


def cached(
    request: HttpRequest,
    name: str,
    key: object,
    audience: str | None,
    compute: Callable[[], T],
    keep: Callable[[T], bool] = lambda value: True,
) -> T:
    """What `compute()` gives (rendered HTML, or a few strings with it), from the cache when it
    was computed for this name, object and audience since the last committed write.
    `audience` None: never cached. What `compute()` raises (Http404) is never cached, nor
    a value `keep` refuses (a page saying that a search failed just now)."""
    if audience is None or not settings.KANSLI_FRAGMENT_CACHE:
        return compute()
    raw = f"{content_version(request)}|{timezone.localdate()}|{name}|{key}|{audience}"
    cache_key = "kansli-fragment:" + hashlib.sha256(raw.encode()).hexdigest()
    cache = caches[settings.KANSLI_FRAGMENT_CACHE_ALIAS]
    value: T | None = cache.get(cache_key)
    if value is None:
        value = compute()
        if keep(value):
            cache.set(cache_key, value, settings.KANSLI_FRAGMENT_CACHE_TTL)
    return value
