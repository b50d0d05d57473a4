"""The account page for two-factor login: set up, confirm, move to a new phone, new
recovery codes, turn off. Recovery codes are shown once, in the response that created them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from ..forms import add_service_errors
from ..models import User
from ..roles import request_actor
from . import policy, services, totp
from .forms import CodeForm


def _account_user(request: HttpRequest) -> User:
    user = request_actor(request)
    if not policy.may_use_two_factor(user):
        raise PermissionDenied("Tvåstegsverifiering finns för organisationens anställda.")
    return user


def _page(
    request: HttpRequest,
    user: User,
    *,
    confirm_form: CodeForm | None = None,
    disable_form: CodeForm | None = None,
) -> HttpResponse:
    device = policy.device_of(user)
    context: dict[str, object] = {
        "device": device,
        "confirmed": device is not None and device.is_confirmed,
        "required": policy.requires_two_factor(user),
        "confirm_form": confirm_form or CodeForm(),
        "disable_form": disable_form or CodeForm(),
    }
    if device is not None and device.pending_secret:
        uri = totp.provisioning_uri(device.pending_secret, user.get_username())
        context.update(
            pending=True,
            qr_code=totp.qr_data_uri(uri),
            secret=totp.grouped(device.pending_secret),
        )
    if device is not None and device.is_confirmed:
        context["recovery_left"] = device.recovery_codes.filter(used_at__isnull=True).count()
    return render(request, "core/two_factor.html", context)


def _codes(request: HttpRequest, codes: list[str], *, first: bool) -> HttpResponse:
    return render(request, "core/two_factor_codes.html", {"codes": codes, "first": first})


@login_required
@never_cache
def two_factor(request: HttpRequest) -> HttpResponse:
    return _page(request, _account_user(request))


@login_required
@require_POST
def two_factor_begin(request: HttpRequest) -> HttpResponse:
    user = _account_user(request)
    services.totp_setup_begin(actor=user, user=user)
    return redirect("core:two_factor")


@login_required
@require_POST
@never_cache
@sensitive_post_parameters("code")
def two_factor_confirm(request: HttpRequest) -> HttpResponse:
    user = _account_user(request)
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            codes = services.totp_confirm(actor=user, user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _codes(request, codes, first=True)
    return _page(request, user, confirm_form=form)


@login_required
@require_POST
def two_factor_cancel(request: HttpRequest) -> HttpResponse:
    user = _account_user(request)
    services.totp_setup_cancel(actor=user, user=user)
    return redirect("core:two_factor")


@login_required
@require_POST
@sensitive_post_parameters("code")
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    user = _account_user(request)
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            services.totp_disable(actor=user, user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Tvåstegsverifiering är avstängd.")
            return redirect("core:two_factor")
    return _page(request, user, disable_form=form)


@login_required
@require_POST
@never_cache
def two_factor_recovery(request: HttpRequest) -> HttpResponse:
    user = _account_user(request)
    try:
        codes = services.recovery_codes_regenerate(actor=user, user=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("core:two_factor")
    return _codes(request, codes, first=False)
