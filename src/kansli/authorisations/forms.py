"""Forms of the authorisation pages; the rules live in the services."""

from typing import Any

from django import forms

from kansli.core.forms import CHOICE_ERRORS, KansliForm, date_field
from kansli.core.roles import Viewer
from kansli.people.models import Body, Organization, OrganizationKind
from kansli.registry.forms import CaseNumberForm


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
    decision_reference = forms.CharField(
        label="Beslut", max_length=200, required=False, help_text="Till exempel ”RS § 142”."
    )
    field_order = [
        "organization",
        "holders",
        "scope",
        "countersign",
        "valid_from",
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


class RevokeForm(KansliForm):
    revoked_on = date_field("Återkallas från")
    reason = forms.CharField(label="Skäl", max_length=500, required=False)
