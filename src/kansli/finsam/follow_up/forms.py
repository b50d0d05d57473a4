"""Forms of the follow-up pages. They read the input; the rules live in the services, and a
figure is read the same way as in the CSV import (figure_text.parse_figure)."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet

from kansli.core.forms import KansliForm
from kansli.core.tabular.limits import limit_text, too_large
from kansli.core.tabular.upload_field import offer_formats

from ..models import ExtraFunds, Federation, FollowUp
from ..services import FOLLOW_UP_FIELDS, FOLLOW_UP_LABELS, ExtraFundsInput
from .cells import FIRST_YEAR, last_year, year_problem
from .csv_import import MAX_BYTES
from .figure_text import STAFF_FIELDS, FigureError, parse_figure

EXTRA_ROWS = 3
_HELP = {
    "equity": "Får vara negativt.",
    "member_contributions": "Medlemmarnas bidrag under året, hela kronor.",
    "population_16_64": "I förbundets kommuner; målgruppen räknas som 5 procent av den.",
    "reception_team_staff": "Heltidstjänster, t.ex. 1,25.",
    "coaching_team_staff": "Heltidstjänster, t.ex. 2,75.",
}


def figure_text(value: int | Decimal | None) -> str:
    """A stored figure as the form shows it: digits only, a decimal comma for staff."""
    if value is None:
        return ""
    return str(value).replace(".", ",")


class FigureField(forms.CharField):
    """A follow-up figure: empty is unknown; read by figure_text.parse_figure."""

    def __init__(self, name: str, **kwargs: Any) -> None:
        self.figure = name
        mode = "decimal" if name in STAFF_FIELDS or name == "equity" else "numeric"
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": mode}))
        super().__init__(required=False, max_length=40, strip=True, **kwargs)

    def clean(self, value: Any) -> int | Decimal | None:
        text = super().clean(value)
        try:
            return parse_figure(self.figure, text)
        except FigureError as error:
            raise forms.ValidationError(str(error)) from error


class FollowUpForm(KansliForm):
    """One field per figure of FollowUp, then up to three rows of extra funds."""

    def __init__(self, *args: Any, extra_rows: int = EXTRA_ROWS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in FOLLOW_UP_FIELDS:
            label = FOLLOW_UP_LABELS[name]
            self.fields[name] = FigureField(
                name, label=label[0].upper() + label[1:], help_text=_HELP.get(name, "")
            )
        self.extra_rows = extra_rows
        for n in range(1, extra_rows + 1):
            self.fields[f"extra_{n}_source"] = forms.CharField(
                label=f"Extra medel {n}: givare",
                required=False,
                max_length=200,
                help_text="Till exempel ESF, Tillväxtverket eller MUCF." if n == 1 else "",
            )
            self.fields[f"extra_{n}_granted"] = FigureField(
                "granted", label=f"Extra medel {n}: beviljat (kr)"
            )
            self.fields[f"extra_{n}_used"] = FigureField(
                "used", label=f"Extra medel {n}: förbrukat (kr)"
            )

    @staticmethod
    def initial_for(follow_up: FollowUp | None) -> dict[str, str]:
        if follow_up is None:
            return {}
        initial = {name: figure_text(getattr(follow_up, name)) for name in FOLLOW_UP_FIELDS}
        funds: list[ExtraFunds] = list(follow_up.extra_funds.all())
        for n, entry in enumerate(funds, start=1):
            initial[f"extra_{n}_source"] = entry.source
            initial[f"extra_{n}_granted"] = figure_text(entry.granted)
            initial[f"extra_{n}_used"] = figure_text(entry.used)
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen: set[str] = set()
        for n in range(1, self.extra_rows + 1):
            source = " ".join((data.get(f"extra_{n}_source") or "").split())
            granted, used = data.get(f"extra_{n}_granted"), data.get(f"extra_{n}_used")
            if f"extra_{n}_granted" in self.errors or f"extra_{n}_used" in self.errors:
                continue
            if not source and granted is None and used is None:
                continue
            if not source:
                self.add_error(f"extra_{n}_source", "Ange vem medlen kommer från.")
            elif source.casefold() in seen:
                self.add_error(f"extra_{n}_source", f"{source} står redan på en annan rad.")
            seen.add(source.casefold())
            if granted is None:
                self.add_error(f"extra_{n}_granted", "Ange beviljat belopp (0 om inget).")
            if used is None:
                self.add_error(f"extra_{n}_used", "Ange förbrukat belopp (0 om inget).")
        return data

    def figures(self) -> dict[str, int | Decimal | None]:
        return {name: self.cleaned_data[name] for name in FOLLOW_UP_FIELDS}

    def extra_funds(self) -> list[ExtraFundsInput]:
        data = self.cleaned_data
        return [
            ExtraFundsInput(
                source=data[f"extra_{n}_source"],
                granted=data[f"extra_{n}_granted"],
                used=data[f"extra_{n}_used"],
            )
            for n in range(1, self.extra_rows + 1)
            if data[f"extra_{n}_source"]
        ]


class FollowUpAddForm(KansliForm):
    """Choose a federation and a year to enter figures for."""

    federation = forms.ModelChoiceField(
        label="Förbund",
        queryset=Federation.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "Välj ett av förbunden i listan."},
    )
    year = forms.IntegerField(
        label="År",
        error_messages={"invalid": "Skriv året med fyra siffror, till exempel 2019."},
        help_text=f"{FIRST_YEAR}–{last_year()}.",
    )

    def __init__(self, *args: Any, federations: QuerySet[Federation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["federation"].queryset = federations  # type: ignore[attr-defined]
        self.fields["year"].help_text = f"{FIRST_YEAR}–{last_year()}."
        self.fields["year"].widget.attrs["inputmode"] = "numeric"

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        problem = year_problem(year)
        if problem:
            raise forms.ValidationError(problem)
        return year


class FollowUpImportForm(KansliForm):
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
        offer_formats(self.fields["file"], limits=f"högst {limit_text(MAX_BYTES)}")

    def clean_file(self) -> bytes:
        upload: UploadedFile = self.cleaned_data["file"]
        problem = too_large(upload.size or 0, MAX_BYTES)
        if problem is not None:
            raise forms.ValidationError(problem.message)
        content: bytes = upload.read()  # an upload is read in binary mode
        return content
