"""Forms of the contribution page: the state's amounts, then where the case goes."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone

from kansli.core.forms import DateInput, KansliForm
from kansli.core.tabular.limits import too_large
from kansli.core.tabular.upload_field import offer_formats
from kansli.people.models import Body, Organization
from kansli.registry.forms import SeriesChoiceField

from ..models import Federation
from ..services import MAX_AMOUNT
from .state_csv import MAX_BYTES


class StateAmountsForm(KansliForm):
    """The year and the state's amount per federation, typed or as a CSV file."""

    year = forms.IntegerField(
        label="År",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "Ange året.", "invalid": "Året ska vara ett heltal."},
    )
    csv = forms.FileField(
        label="Eller läs beloppen från en CSV-fil",
        required=False,
        allow_empty_file=True,  # the reader says "Filen är tom" with what the first line is
    )

    def __init__(self, *args: Any, federations: list[Federation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_formats(
            self.fields["csv"],
            limits="kolumnerna federation,state_amount; förbundet med namn eller kortnamn, "
            "beloppet i hela kronor med bara siffror",
        )
        self.federations = federations
        for federation in federations:
            self.fields[f"amount_{federation.pk}"] = forms.IntegerField(
                label=f"Statens bidrag till {federation.name} (kr)",
                required=False,
                min_value=0,
                max_value=MAX_AMOUNT,
                # Text, not type=number: a pasted "2 650 000" reaches the server and gets a
                # message, instead of the browser dropping it without a word.
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                error_messages={
                    "invalid": "Skriv hela kronor med bara siffror, till exempel 1250000.",
                    "min_value": "Beloppet får inte vara negativt.",
                    "max_value": "Beloppet är orimligt stort.",
                },
            )

    def clean_csv(self) -> Any:
        upload = self.cleaned_data.get("csv")
        problem = too_large(upload.size or 0, MAX_BYTES) if upload else None
        if problem is not None:
            raise forms.ValidationError(problem.message)
        return upload

    def typed_amounts(self) -> dict[Federation, int]:
        return {
            f: self.cleaned_data[f"amount_{f.pk}"]
            for f in self.federations
            if self.cleaned_data.get(f"amount_{f.pk}") is not None
        }


class CaseTargetForm(KansliForm):
    """Where the contribution case goes: the organ, its meeting day and the series."""

    organization = forms.ModelChoiceField(
        label="Organ", queryset=Organization.objects.none(), empty_label=None
    )
    meeting_date = forms.DateField(
        label="Sammanträdesdatum",
        widget=DateInput(),
        error_messages={"invalid": "Ange datumet som ÅÅÅÅ-MM-DD."},
    )
    series = SeriesChoiceField()

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organizations = Organization.objects.filter(body=body).order_by("name")
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]
        committee = organizations.filter(name__icontains="arbetsutskott").first()
        if committee is not None:
            self.fields["organization"].initial = committee.pk
        self.fields["series"].offer(body)  # type: ignore[attr-defined]
        self.fields["meeting_date"].initial = timezone.localdate() + datetime.timedelta(days=14)
