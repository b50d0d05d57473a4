"""Enforcing two-factor login.

A user with a confirmed device is logged in (auth.login) only after the second step, so any
authenticated session of such a user has passed it. An administrator without a confirmed
device can reach only the set-up page, the login pages and logout until one is confirmed.
The Django admin's own login page leads to Kansli's login, so there is one way in.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from .policy import has_confirmed_device, requires_two_factor

# What an administrator without a device may reach (static files never get this far).
OPEN_VIEWS = frozenset(
    {
        "core:two_factor",
        "core:two_factor_begin",
        "core:two_factor_confirm",
        "core:two_factor_cancel",
        "core:login",
        "core:login_code",
        "core:logout",
    }
)


class TwoFactorGateMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        if view_name == "admin:login":
            query = urlencode({"next": request.GET.get("next") or reverse("admin:index")})
            return HttpResponseRedirect(f"{reverse('core:login')}?{query}")
        user = getattr(request, "user", None)
        if view_name in OPEN_VIEWS or not requires_two_factor(user):
            return None
        if has_confirmed_device(user):
            return None
        target = reverse("core:two_factor")
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        return HttpResponseRedirect(target)
