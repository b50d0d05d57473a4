"""A response cache for what the anonymous public reads.

Every write in Kansli goes through a service that writes an audit row in the same
transaction (ARCHITECTURE.md), and each such transaction bumps a counter once it has
committed (core.audit.committed_changes): the counter is a version of everything a page can
show. A cached page is keyed by it (and by today's date, for pages that depend on the day),
so it is never served after a later commit. Each worker process reads the version at most
once per KANSLI_PUBLIC_CACHE_SECONDS, so a change reaches the public within that time.

Only GET/HEAD requests without a session (the anonymous public) to the public prefixes are
cached, and only plain 200 responses that set no cookie: a logged-in member's page is never
stored, and so never served to anyone else.
"""

import hashlib
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone

from kansli.core.audit import committed_changes

_state = threading.local()


def content_version() -> int:
    """The committed-changes counter, re-read at most once per KANSLI_PUBLIC_CACHE_SECONDS."""
    now = time.monotonic()
    checked = getattr(_state, "checked", None)
    if checked is None or now - checked >= settings.KANSLI_PUBLIC_CACHE_SECONDS:
        _state.version = committed_changes()
        _state.checked = now
    version: int = _state.version
    return version


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.KANSLI_PUBLIC_CACHE
        and request.method in ("GET", "HEAD")
        and request.path.startswith(settings.KANSLI_PUBLIC_CACHE_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_HX_REQUEST" not in request.META
    )


def _cacheable_response(response: HttpResponseBase) -> bool:
    return (
        response.status_code == 200
        and isinstance(response, HttpResponse)
        and not response.streaming
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")
    )


class PublicCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _cacheable_request(request):
            return self.get_response(request)
        raw = (
            f"{content_version()}|{timezone.localdate()}|{request.get_host()}"
            f"|{request.get_full_path()}"
        )
        key = "kansli-public:" + hashlib.sha256(raw.encode()).hexdigest()
        cache = caches[settings.KANSLI_PUBLIC_CACHE_ALIAS]
        cached: HttpResponseBase | None = cache.get(key)  # as stored below
        if cached is not None:
            cached["X-Kansli-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(response):
            cache.set(key, response, settings.KANSLI_PUBLIC_CACHE_TTL)
            response["X-Kansli-Cache"] = "miss"
        return response
