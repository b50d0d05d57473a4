"""Forms of two-factor login."""

from django import forms
from django.forms.utils import ErrorDict

from ..forms import KansliForm


class CodeForm(KansliForm):
    code = forms.CharField(
        label="Kod",
        max_length=20,
        strip=True,
        error_messages={"required": "Skriv koden från appen eller en reservkod."},
    )


def with_only_error(form: forms.Form, message: str) -> forms.Form:
    """The form as submitted, with one message at the top and no other errors (a refused
    login is not validated at all, so the password is not even tried)."""
    form._errors = ErrorDict()  # type: ignore[attr-defined]
    form.cleaned_data = {}
    form.add_error(None, message)
    return form
