"""The login: username and password, then (for users with two-factor login) a code.

The first step only remembers, in the session, who proved the password; the user is logged
in (auth.login) after the second step. Refused logins (rate limiting) are answered with the
login page, its message at the top, and HTTP status 429.
"""

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from ..models import User
from . import ratelimit, services
from .forms import CodeForm, with_only_error
from .models import LoginStage
from .policy import has_confirmed_device, requires_two_factor

PENDING = "kansli_login_pending"
PENDING_SECONDS = 300


def locked_login_page(request: HttpRequest, username: str = "", next_url: str = "") -> HttpResponse:
    """The login page with the lockout message, status 429."""
    form = AuthenticationForm(request, data={"username": username, "password": ""})
    with_only_error(form, ratelimit.lockout_message())
    return render(request, "core/login.html", {"form": form, "next": next_url}, status=429)


class KansliLoginView(LoginView):
    template_name = "core/login.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        if ratelimit.lockout_for(username=username, ip=ratelimit.client_ip(request)):
            return locked_login_page(request, username, self.get_redirect_url())
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        username = self.request.POST.get("username", "")
        caused = ratelimit.login_failure_record(
            username=username, ip=ratelimit.client_ip(self.request), stage=LoginStage.PASSWORD
        )
        if caused is not None:
            return locked_login_page(self.request, username, self.get_redirect_url())
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        request = self.request
        user = form.get_user()
        request.session.pop(PENDING, None)
        if has_confirmed_device(user):
            request.session[PENDING] = {
                "user": user.pk,
                "backend": getattr(user, "backend", ""),
                "next": self.get_success_url(),
                "at": time.time(),
            }
            return redirect("core:login_code")
        auth_login(request, user)
        ratelimit.login_failures_clear(username=user.get_username())
        if requires_two_factor(user):
            return redirect("core:two_factor")
        return HttpResponseRedirect(self.get_success_url())


def _pending_user(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    data = request.session.get(PENDING)
    if not isinstance(data, dict) or time.time() - float(data.get("at", 0)) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None
    user_id = data.get("user")
    if not isinstance(user_id, int):
        request.session.pop(PENDING, None)
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not has_confirmed_device(user):
        request.session.pop(PENDING, None)
        return None
    return user, data


@method_decorator([sensitive_post_parameters(), csrf_protect, never_cache], name="dispatch")
class LoginCodeView(View):
    """The second step: a code from the app or a recovery code."""

    template_name = "core/login_code.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if _pending_user(request) is None:
            return self._start_over(request)
        return render(request, self.template_name, {"form": CodeForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        pending = _pending_user(request)
        if pending is None:
            return self._start_over(request)
        user, data = pending
        ip = ratelimit.client_ip(request)
        if ratelimit.lockout_for(username=user.get_username(), ip=ip):
            request.session.pop(PENDING, None)
            return locked_login_page(request, user.get_username(), data.get("next", ""))
        form = CodeForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        method = services.totp_verify(actor=user, code=form.cleaned_data["code"])
        if method is None:
            caused = ratelimit.login_failure_record(
                username=user.get_username(), ip=ip, stage=LoginStage.CODE
            )
            if caused is not None:
                request.session.pop(PENDING, None)
                return locked_login_page(request, user.get_username(), data.get("next", ""))
            form.add_error("code", services.WRONG_CODE)
            return render(request, self.template_name, {"form": form})
        request.session.pop(PENDING, None)
        backend = data.get("backend")
        if backend not in settings.AUTHENTICATION_BACKENDS:
            backend = settings.AUTHENTICATION_BACKENDS[0]
        auth_login(request, user, backend=backend)
        ratelimit.login_failures_clear(username=user.get_username())
        if method == "reservkod":
            left = user.totp_device.recovery_codes.filter(used_at__isnull=True).count()
            messages.warning(
                request,
                f"Du loggade in med en reservkod. Du har {left} reservkoder kvar; "
                "skapa nya under Tvåstegsverifiering om de håller på att ta slut.",
            )
        return HttpResponseRedirect(data.get("next") or resolve_url(settings.LOGIN_REDIRECT_URL))

    def _start_over(self, request: HttpRequest) -> HttpResponse:
        messages.info(request, "Logga in med användarnamn och lösenord först.")
        return redirect("core:login")
