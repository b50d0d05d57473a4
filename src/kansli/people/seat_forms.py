"""Forms for the seats of a term: add one, end one, give the substitutes' order, read many
from CSV. They read the input; the rules live in the services."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from kansli.core.forms import CHOICE_ERRORS, KansliForm, date_field
from kansli.core.tabular.limits import limit_text, too_large
from kansli.core.tabular.upload_field import offer_formats

from .forms import PERSON_EMAIL_HELP, email_field, party_field, text_field
from .models import Membership, MembershipRole, Person
from .seat_csv import MAX_BYTES, MAX_ROWS, SPLIT_ADVICE
from .seat_plan import NEW


def _place_field(label: str, required: bool, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=1,
        max_value=999,
        help_text=help_text,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "input-short"}
        ),
        error_messages={
            "required": "Ange en plats.",
            "invalid": "Skriv ett heltal med bara siffror.",
            "min_value": "Lägst 1.",
            "max_value": "Högst 999.",
        },
    )


def person_label(person: Person) -> str:
    seats = ", ".join(
        f"{m.get_role_display().lower()} i {m.organization}"
        for m in person.memberships.select_related("organization").order_by("-start")[:3]
    )
    return f"Ja, samma person: {person}" + (f" ({seats})" if seats else " (inga uppdrag)")


class SeatForm(KansliForm):
    """A new seat: who (by name and party; asked about when someone has that name and
    party), the role, the substitute's place, and the days."""

    first_name = text_field("Förnamn", 100, "Ange förnamnet.")
    last_name = text_field("Efternamn", 100, "Ange efternamnet.")
    party = party_field()
    email = email_field("E-post", PERSON_EMAIL_HELP + " Frivilligt.")
    role = forms.ChoiceField(
        label="Roll", choices=MembershipRole.choices, error_messages=CHOICE_ERRORS
    )
    substitute_order = _place_field(
        "Plats bland partiets ersättare",
        required=False,
        help_text="Bara för ersättare. Lämna tomt för nästa lediga plats.",
    )
    start = date_field("Från")
    end = date_field("Till", help_text="Lämna som det är: uppdraget gäller mandatperioden ut.")

    def ask_person(self, candidates: list[Person], question: str) -> str:
        """Add the question "is it the same person?"; the answer (a person's pk or NEW), or
        "" when it is not answered (then the question is the form's error)."""
        choices = [(str(p.pk), person_label(p)) for p in candidates]
        choices.append((NEW, "Nej, en annan person med samma namn"))
        self.fields["person_choice"] = forms.ChoiceField(
            label="Är det samma person?",
            choices=choices,
            widget=forms.RadioSelect,
            required=False,
        )
        answer = str(self.data.get("person_choice", ""))
        if answer not in {value for value, _ in choices}:
            self.add_error("person_choice", question)
            return ""
        return answer


class SeatEndForm(KansliForm):
    end = date_field(
        "Sista dag", help_text="Den sista dagen personen har uppdraget, till exempel 2024-05-31."
    )


class SubstituteOrderForm(KansliForm):
    """One place per seated substitute, by party."""

    def __init__(self, *args: Any, substitutes: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.substitutes = substitutes
        for seat in substitutes:
            self.fields[f"seat_{seat.pk}"] = _place_field(f"Plats för {seat.person}", required=True)
            self.initial[f"seat_{seat.pk}"] = seat.substitute_order

    def rows(self) -> list[tuple[Membership, forms.BoundField]]:
        return [(seat, self[f"seat_{seat.pk}"]) for seat in self.substitutes]

    def orders(self) -> dict[int, int]:
        return {seat.pk: self.cleaned_data[f"seat_{seat.pk}"] for seat in self.substitutes}


_LIMITS = f"högst {limit_text(MAX_BYTES)} och {MAX_ROWS} rader"


class SeatCsvForm(KansliForm):
    """The CSV file or Excel workbook, uploaded, or rows pasted, and the first day of the
    seats."""

    file = forms.FileField(
        label="CSV-fil",
        required=False,
        allow_empty_file=True,  # the reader says the file is empty
        error_messages={"invalid": "Det som skickades är inte en fil."},
    )
    text = forms.CharField(
        label="… eller klistra in raderna",
        required=False,
        max_length=MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text="Första raden: namn;parti;roll;ordning;e-post (e-post är frivillig). Rader "
        "som kopieras från ett kalkylblad går också bra.",
        error_messages={"max_length": f"Texten är för lång; högst {limit_text(MAX_BYTES)}."},
    )
    start = date_field("Från", help_text="Uppdragen gäller från den här dagen mandatperioden ut.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_formats(self.fields["file"], limits=_LIMITS)

    def clean_file(self) -> tuple[bytes, str] | None:
        """The bytes and the name of the uploaded file."""
        upload: UploadedFile | None = self.cleaned_data.get("file")
        if upload is None:
            return None
        problem = too_large(upload.size or 0, MAX_BYTES, SPLIT_ADVICE)
        if problem is not None:
            raise forms.ValidationError(problem.message)
        content: bytes = upload.read()  # an upload is read in binary mode
        return content, upload.name or ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_file = data.get("file") is not None
        has_text = bool((data.get("text") or "").strip())
        if "file" in self.errors or "text" in self.errors:
            return data
        if has_file and has_text:
            raise forms.ValidationError("Välj en fil eller klistra in rader, inte båda.")
        if not has_file and not has_text:
            raise forms.ValidationError("Välj en CSV-fil eller klistra in raderna.")
        return data


class SeatCsvSaveForm(KansliForm):
    """The preview's hidden fields: the text read and the first day."""

    text = forms.CharField(max_length=MAX_BYTES, strip=False)
    start = date_field("Från")
