"""What the Finsam pages share: who may read and who may write, finding the federation of the
address, and a form page that calls a service and shows its refusal."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kansli.core.forms import KansliForm, add_service_errors
from kansli.core.http import found_or_404
from kansli.core.roles import can_manage_finsam, is_member_or_staff
from kansli.people.selectors import default_body

from . import selectors
from .models import Federation

_READ_DENIED = "Sidan är för anställda och förtroendevalda."
_WRITE_DENIED = (
    "Bara handläggare, registratorer och nämndsekreterare kan ändra uppgifter om Finsam."
)


def require_reader(request: HttpRequest, message: str = _READ_DENIED) -> None:
    if not is_member_or_staff(request.user):
        raise PermissionDenied(message)


def require_manager(request: HttpRequest, message: str = _WRITE_DENIED) -> None:
    if not can_manage_finsam(request.user):
        raise PermissionDenied(message)


def federation_or_404(request: HttpRequest, pk: int) -> Federation:
    return found_or_404(
        lambda: selectors.federation_get(viewer=request.user, body=default_body(), pk=pk)
    )


def detail_url(federation: Federation, anchor: str = "") -> str:
    url = reverse("finsam:federation_detail", args=[federation.pk])
    return f"{url}#{anchor}" if anchor else url


def form_page(
    request: HttpRequest,
    *,
    form: KansliForm,
    title: str,
    lead: str,
    save: Callable[[dict[str, Any]], tuple[str, str]],
    cancel: str,
    federation: Federation | None = None,
) -> HttpResponse:
    """Shows `form`; on a valid POST calls `save`, which returns the success message and
    where to go. A service's refusal is shown on the form and nothing is written."""
    if request.method == "POST" and form.is_valid():
        try:
            message, target = save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, message)
            return redirect(target)
    return render(
        request,
        "finsam/federation_form.html",
        {
            "form": form,
            "title": title,
            "lead": lead,
            "cancel": cancel,
            "federation": federation,
            "nav": "finsam",
        },
    )
