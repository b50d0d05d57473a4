"""Forms of the informationshanteringsplan and of disposal. They read the input; the rules
live in plan_csv and the services."""

from django import forms
from django.core.files.uploadedfile import UploadedFile

from kansli.core.forms import KansliForm
from kansli.core.tabular.limits import limit_text, too_large
from kansli.core.tabular.upload_field import offer_formats

from .plan_csv import MAX_BYTES, MAX_ROWS


class PlanCsvForm(KansliForm):
    file = forms.FileField(
        label="Fil med klassificeringsstruktur och plan",
        allow_empty_file=True,  # the reader says the file is empty
        error_messages={
            "required": "Välj en fil.",
            "invalid": "Det som skickades är inte en fil.",
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        offer_formats(
            self.fields["file"], limits=f"högst {limit_text(MAX_BYTES)} och {MAX_ROWS} rader"
        )

    def clean_file(self) -> tuple[bytes, str]:
        upload: UploadedFile = self.cleaned_data["file"]
        problem = too_large(upload.size or 0, MAX_BYTES, "")
        if problem is not None:
            raise forms.ValidationError(problem.message)
        return upload.read(), upload.name or ""


class DisposalForm(KansliForm):
    documents = forms.MultipleChoiceField(
        label="Handlingar att gallra",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Välj minst en handling att gallra.",
            "invalid_choice": "En av de valda handlingarna går inte att gallra i dag; "
            "välj bland dem som listas.",
        },
    )
    reference = forms.CharField(
        label="Stöd för gallringen",
        max_length=300,
        help_text="Beslutet som gallringen vilar på, t.ex. informationshanteringsplanens "
        "diarienummer och beslutsdag.",
        error_messages={"required": "Ange vilket beslut gallringen stöder sig på."},
    )

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = choices  # type: ignore[attr-defined]
