"""Form helpers shared by the apps."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict

from .confirm import NeedsConfirmation
from .text import clean_text


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: field messages by their field, the
    rest at the top. A service's question (NeedsConfirmation) is shown at the top with the
    form's "confirmed" checkbox, so the user can answer and send the form again."""
    if isinstance(error, NeedsConfirmation) and "confirmed" in form.fields:
        form.fields["confirmed"].widget = forms.CheckboxInput()
        for message in error.messages:
            form.add_error(None, message)
        return
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


DATE_ERRORS = {"invalid": "Ange datumet som ÅÅÅÅ-MM-DD.", "required": "Ange datumet."}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)  # type: ignore[arg-type]


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(format="%H:%M", **kwargs)  # type: ignore[arg-type]


def _clean(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


class KansliForm(forms.Form):
    """Base form: labels without a trailing colon; the text sent is cleaned (core.text)
    before any field reads it, so no form passes a control character on to a service."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if self.is_bound:
            self.data = self._cleaned_data_sent(self.data)

    @staticmethod
    def _cleaned_data_sent(data: Any) -> Any:
        """A copy of the data sent with every text cleaned. Line breaks and tabs stay: a
        service makes a one-line text one line (core.checks.one_line)."""
        if isinstance(data, MultiValueDict):  # a QueryDict too; its copy can be written
            cleaned = data.copy()
            for key, values in data.lists():
                cleaned.setlist(key, [_clean(value) for value in values])
            return cleaned
        return {key: _clean(value) for key, value in data.items()}


CHOICE_ERRORS = {"invalid_choice": "Välj i listan.", "required": "Välj i listan."}


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    """A date field with the ÅÅÅÅ-MM-DD picker and the shared Swedish messages."""
    return forms.DateField(
        label=label,
        widget=DateInput(),
        error_messages=DATE_ERRORS,
        required=required,
        help_text=help_text,
    )


def confirmed_field() -> forms.BooleanField:
    """The answer to a service's question (core.confirm): hidden until the service asks, then
    a checkbox (add_service_errors turns it into one)."""
    return forms.BooleanField(required=False, widget=forms.HiddenInput(), label="Ja, fortsätt ändå")
