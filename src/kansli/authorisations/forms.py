"""Forms of the authorisation pages; the rules live in the services."""

from typing import Any

from django import forms

from kansli.core.forms import CHOICE_ERRORS, KansliForm, date_field
from kansli.core.roles import Viewer
from kansli.people.models import Body, Organization, OrganizationKind
from kansli.registry.forms import CaseNumberForm

from . import rules
from .models import Authorisation, GivenBy, event_field


class GrantForm(CaseNumberForm):
    organization = forms.ModelChoiceField(
        label="Beslutande organ", queryset=Organization.objects.none(), error_messages=CHOICE_ERRORS
    )
    holders = forms.CharField(
        label="Innehavare",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="En per rad: namn, befattning. Till exempel ”Caroline Klefbom, finanscontroller "
        "Region Örebro län”.",
        error_messages={"required": "Ange minst en innehavare."},
    )
    scope = forms.CharField(
        label="Fullmakten ger rätt att",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Till exempel ”genomföra finansiella affärstransaktioner för regionen”.",
    )
    countersign = forms.CharField(
        label="I förening med (kontrasignation)",
        max_length=500,
        required=False,
        help_text="Tom om innehavaren tecknar ensam.",
    )
    valid_from = date_field("Gäller från (beslutsdagen)")
    given_by = forms.ChoiceField(
        label="Hur fullmakten gavs",
        choices=GivenBy.choices,
        initial=GivenBy.THIRD_PARTY,
        error_messages=CHOICE_ERRORS,
        help_text="Avgör hur den återkallas: en fullmakt som meddelats banken upphör först när "
        "banken fått besked om återkallelsen (avtalslagen 12–16 och 18 §§).",
    )
    decision_reference = forms.CharField(
        label="Beslut", max_length=200, required=False, help_text="Till exempel ”RS § 142”."
    )
    field_order = [
        "organization",
        "holders",
        "scope",
        "countersign",
        "valid_from",
        "given_by",
        "decision_reference",
        "case_number",
    ]

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, body=body, viewer=viewer, **kwargs)
        self.fields["organization"].queryset = Organization.objects.filter(  # type: ignore[attr-defined]
            body=body
        ).exclude(kind=OrganizationKind.EXTERNAL)

    def clean_holders(self) -> list[tuple[str, str]]:
        holders = []
        for number, line in enumerate(self.cleaned_data["holders"].splitlines(), start=1):
            if not line.strip():
                continue
            name, _, title = line.partition(",")
            if not name.strip():
                raise forms.ValidationError(f"Rad {number}: namnet saknas.")
            holders.append((name.strip(), title.strip()))
        if not holders:
            raise forms.ValidationError("Ange minst en innehavare.")
        return holders


def _event_field(field: str, *, required: bool) -> forms.DateField:
    model_field = event_field(field)
    return date_field(
        str(model_field.verbose_name).capitalize(),
        required=required,
        help_text=str(model_field.help_text),
    )


def _add_event_fields(form: forms.Form, authorisation: Authorisation, *, required: bool) -> None:
    """The day of the event that revokes the authorisation (named as its model field, so that
    a service's message lands on it), and the day the holder was told when that is another
    event (AvtL 12 §: it does not revoke, but it is worth knowing); each only while not
    recorded."""
    event = rules.revoking_event(authorisation.given_by)
    if getattr(authorisation, event) is None:
        form.fields[event] = _event_field(event, required=required)
    if event != "holder_told_on" and authorisation.holder_told_on is None:
        form.fields["holder_told_on"] = _event_field("holder_told_on", required=False)


class RevokeForm(KansliForm):
    decided_on = date_field("Återkallelsen beslutad")
    reason = forms.CharField(label="Skäl", max_length=500, required=False)

    def __init__(self, *args: Any, authorisation: Authorisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_event_fields(self, authorisation, required=False)
        event = rules.revoking_event(authorisation.given_by)
        self.fields[event].help_text += " Lämna tomt om det inte har skett ännu."


class RevocationEventForm(KansliForm):
    """The second step: the day of what makes a decided revocation take effect."""

    def __init__(self, *args: Any, authorisation: Authorisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_event_fields(self, authorisation, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(field) for field in self.fields):
            raise forms.ValidationError("Ange en dag.")
        return cleaned


class GivenByForm(KansliForm):
    given_by = forms.ChoiceField(
        label="Hur fullmakten gavs",
        choices=GivenBy.choices,
        error_messages=CHOICE_ERRORS,
        help_text="Ändras bara om det antecknades fel; avgör hur fullmakten återkallas.",
    )
