"""Forms of the delegation pages. They read the input; the rules live in the services."""

from typing import Any

from django import forms
from django.utils import timezone

from kansli.core.forms import CHOICE_ERRORS, KansliForm, date_field
from kansli.core.roles import Viewer
from kansli.minutes.compiled_item_form import CompiledItemForm
from kansli.people.models import Body, Organization
from kansli.registry.forms import CaseNumberForm

from . import selectors
from .models import DelegationPoint


class _PointChoice(forms.ModelChoiceField[DelegationPoint]):
    def label_from_instance(self, obj: DelegationPoint) -> str:
        organization = obj.organization.short_name or obj.organization.name
        return f"{organization}: {obj.code} {obj.title} ({obj.delegate})"


class _BodyForm(CaseNumberForm):
    """A form of the body's delegating organizations, with an optional case number."""

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, body=body, viewer=viewer, **kwargs)
        if "organization" in self.fields:
            self.fields["organization"].queryset = selectors.delegating_organizations(  # type: ignore[attr-defined]
                viewer=viewer, body=body
            )


def _organization(label: str) -> forms.ModelChoiceField[Organization]:
    return forms.ModelChoiceField(
        label=label, queryset=Organization.objects.none(), error_messages=CHOICE_ERRORS
    )


class DecisionForm(_BodyForm):
    organization = _organization("Delegerande organ")
    point = _PointChoice(
        label="Punkt i delegationsordningen",
        queryset=DelegationPoint.objects.none(),
        error_messages=CHOICE_ERRORS,
    )
    decided_by = forms.CharField(
        label="Beslutsfattare", max_length=200, help_text="Till exempel ”Regiondirektören”."
    )
    decided_on = date_field("Beslutsdatum")
    summary = forms.CharField(
        label="Beslutet i korthet",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="En mening som den ska stå i anmälan: ”Regiondirektören har fattat beslut "
        "om …”. Skriv inte privatpersoners namn.",
    )
    urgent = forms.BooleanField(
        label="Brådskande beslut av ordföranden (anmäls vid nästa sammanträde)", required=False
    )
    field_order = [
        "organization",
        "point",
        "decided_by",
        "decided_on",
        "summary",
        "case_number",
        "urgent",
    ]

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"decided_on": timezone.localdate()})
        super().__init__(*args, body=body, viewer=viewer, **kwargs)
        self.fields["point"].queryset = selectors.point_list(  # type: ignore[attr-defined]
            viewer=viewer, body=body, active_only=True
        )


class CommunicationForm(_BodyForm):
    organization = _organization("Till organ")
    received_on = date_field("Inkom")
    sender = forms.CharField(label="Avsändare", max_length=200)
    summary = forms.CharField(
        label="Meddelandet i korthet",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="En mening: ”Länsstyrelsen i Örebro län har överlämnat information om …”.",
    )
    field_order = ["organization", "received_on", "sender", "summary", "case_number"]

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"received_on": timezone.localdate()})
        super().__init__(*args, body=body, viewer=viewer, **kwargs)


class PointForm(_BodyForm):
    organization = _organization("Organ")
    code = forms.CharField(label="Punkt", max_length=20, help_text="Till exempel ”3.2”.")
    title = forms.CharField(label="Ärendetyp", max_length=300)
    delegate = forms.CharField(label="Delegat", max_length=200)
    reported = forms.BooleanField(
        label="Beslut enligt punkten anmäls till organet", required=False, initial=True
    )
    field_order = ["organization", "code", "title", "delegate", "reported"]

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, body=body, viewer=viewer, **kwargs)
        del self.fields["case_number"]


class PointEditForm(KansliForm):
    title = forms.CharField(label="Ärendetyp", max_length=300)
    delegate = forms.CharField(label="Delegat", max_length=200)
    reported = forms.BooleanField(label="Beslut enligt punkten anmäls till organet", required=False)
    is_active = forms.BooleanField(label="Punkten gäller", required=False)


class CompileForm(CompiledItemForm):
    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(
            *args,
            body=body,
            viewer=viewer,
            meetings=selectors.report_meetings(viewer=viewer, body=body),
            case_help="Årets samlingsärende för anmälningsärenden, t.ex. 20RS387.",
            **kwargs,
        )


class PostingForm(KansliForm):
    posted_on = date_field(
        "Tillkännagivet på anslagstavlan",
        help_text="Dagen då det särskilda protokollet med beslutet anslogs. Tiden för "
        "överklagande, tre veckor, räknas från den dagen.",
    )
