"""A page with one form whose valid POST calls a service."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .forms import add_service_errors

Save = Callable[[dict[str, Any]], tuple[str, str]]


def form_page(
    request: HttpRequest,
    *,
    form: forms.Form,
    context: dict[str, Any],
    save: Save,
    template: str = "core/form_page.html",
) -> HttpResponse:
    """Shows `form` in `template`; on a valid POST calls `save`, which returns the success
    message and where to go. A service's refusal is shown on the form and nothing is
    written. The default template takes title, lead, button, back_url and back_label."""
    if request.method == "POST" and form.is_valid():
        try:
            message, target = save(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, message)
            return redirect(target)
    return render(request, template, {"form": form, **context})
