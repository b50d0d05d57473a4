"""Forms of the follow-up pages; the rules live in the services."""

from typing import Any

from django import forms
from django.utils import timezone

from kansli.core.forms import CHOICE_ERRORS, KansliForm, date_field
from kansli.core.roles import Viewer
from kansli.memos.models import Memo
from kansli.memos.selectors import memo_get
from kansli.people.models import Body, Official, Organization, OrganizationKind
from kansli.registry.forms import CaseNumberForm

from .models import AssignmentStatus


class AssignmentForm(CaseNumberForm):
    organization = forms.ModelChoiceField(
        label="Uppdragsgivare", queryset=Organization.objects.none(), error_messages=CHOICE_ERRORS
    )
    number = forms.CharField(label="Nummer", max_length=20, help_text="Till exempel ”53”.")
    title = forms.CharField(label="Uppdraget", max_length=500, widget=forms.Textarea({"rows": 2}))
    responsible = forms.CharField(
        label="Ansvarig", max_length=200, help_text="Till exempel ”Regiondirektören”."
    )
    official = forms.ModelChoiceField(
        label="Ansvarig tjänsteperson",
        queryset=Official.objects.none(),
        required=False,
        error_messages=CHOICE_ERRORS,
        help_text="Den som svarar för uppdraget i Kansli; det syns bland hens tidsgränser.",
    )
    given_on = date_field("Givet")
    due_on = date_field("Klart senast", required=False)
    field_order = [
        "organization",
        "number",
        "title",
        "responsible",
        "official",
        "given_on",
        "due_on",
    ]

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, body=body, viewer=viewer, **kwargs)
        self.fields["official"].queryset = Official.objects.filter(body=body)  # type: ignore[attr-defined]
        self.fields["organization"].queryset = Organization.objects.filter(  # type: ignore[attr-defined]
            body=body
        ).exclude(kind=OrganizationKind.EXTERNAL)


class ReportForm(KansliForm):
    status = forms.ChoiceField(
        label="Status",
        choices=AssignmentStatus.choices,
        error_messages={
            "invalid_choice": "Okänd status: välj ej startat, startat eller klart.",
            "required": "Välj status.",
        },
    )
    forecast = forms.CharField(
        label="Prognos",
        max_length=1000,
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text="Till exempel ”Bedöms vara klart i december”.",
    )
    reported_on = date_field("Rapportdag")
    completed_on = date_field("Klart den", required=False, help_text="När status är klart.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"reported_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class FollowUpForm(CaseNumberForm):
    description = forms.CharField(
        label="Vad som följs upp", max_length=1000, widget=forms.Textarea({"rows": 2})
    )
    decided_on = date_field("Beslutad")
    due_on = date_field("Senast", required=False)
    with_interim_report = forms.BooleanField(label="Med delårsrapporten", required=False)
    pm = forms.IntegerField(required=False, widget=forms.HiddenInput)
    field_order = ["case_number", "description", "decided_on", "due_on", "with_interim_report"]

    def clean_pm(self) -> Memo | None:
        """The memo that asks for the follow-up, when it came from one."""
        pk = self.cleaned_data["pm"]
        if pk is None:
            return None
        try:
            return memo_get(viewer=self.viewer, pk=pk)
        except Memo.DoesNotExist as error:
            raise forms.ValidationError("Föredragnings-PM:et finns inte.") from error

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, body=body, viewer=viewer, **kwargs)
        self.fields["pm"].error_messages["invalid"] = "Föredragnings-PM:et finns inte."
        self.fields["case_number"].required = True
        self.fields["case_number"].help_text = "Ärendet vars beslut kräver uppföljningen."
        self.fields["case_number"].error_messages["required"] = "Ange diarienumret."


class DoneForm(KansliForm):
    done_on = date_field("Klar den")
