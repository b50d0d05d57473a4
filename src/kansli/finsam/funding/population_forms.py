"""Forms for the municipalities' numbers of inhabitants: typed per federation, or a CSV file
for all of them."""

import datetime
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from kansli.core.forms import DATE_ERRORS, DateInput, KansliForm
from kansli.core.tabular.limits import limit_text, too_large
from kansli.core.tabular.upload_field import offer_formats

from .. import rules
from ..models import FederationMember
from ..services import MAX_INHABITANTS
from .population_csv import MAX_BYTES

_DAY_HELP = (
    "Kommunernas fjärdedel fördelas efter invånarantalet den 1 november året före bidragsåret."
)


def default_day(today: datetime.date) -> datetime.date:
    """The day whose numbers next year's contributions use."""
    return rules.population_reference_date(today.year + 1)


class PopulationForm(KansliForm):
    """The day, then one number per municipality of the federation."""

    on = forms.DateField(
        label="Per dag", widget=DateInput(), help_text=_DAY_HELP, error_messages=DATE_ERRORS
    )

    def __init__(self, *args: Any, municipalities: list[FederationMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipalities = municipalities
        for member in municipalities:
            self.fields[f"member_{member.pk}"] = forms.IntegerField(
                label=f"{member.name}, invånare",
                required=False,
                min_value=1,
                max_value=MAX_INHABITANTS,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                error_messages={
                    "invalid": "Skriv antalet med bara siffror, till exempel 23710.",
                    "min_value": "Antalet ska vara större än 0.",
                    "max_value": "Antalet är orimligt stort för en kommun.",
                },
            )

    def inhabitants(self) -> dict[FederationMember, int]:
        return {
            m: self.cleaned_data[f"member_{m.pk}"]
            for m in self.municipalities
            if self.cleaned_data.get(f"member_{m.pk}") is not None
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not self.inhabitants():
            raise forms.ValidationError("Ange invånarantalet för minst en kommun.")
        return data


class PopulationImportForm(KansliForm):
    on = forms.DateField(
        label="Per dag", widget=DateInput(), help_text=_DAY_HELP, error_messages=DATE_ERRORS
    )
    file = forms.FileField(
        label="CSV-fil",
        allow_empty_file=True,  # the reader says the file is empty, with its line
        error_messages={
            "required": "Välj en CSV-fil att importera.",
            "invalid": "Det som skickades är inte en fil.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_formats(
            self.fields["file"],
            limits=f"kolumnerna kommun,invånare eller SCB:s export; högst {limit_text(MAX_BYTES)}",
        )

    def clean_file(self) -> bytes:
        upload: UploadedFile = self.cleaned_data["file"]
        problem = too_large(upload.size or 0, MAX_BYTES)
        if problem is not None:
            raise forms.ValidationError(problem.message)
        content: bytes = upload.read()  # an upload is read in binary mode
        return content
