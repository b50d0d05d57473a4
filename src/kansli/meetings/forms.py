from django import forms

from kansli.core.forms import (
    CHOICE_ERRORS,
    DATE_ERRORS,
    DateInput,
    KansliForm,
    TimeInput,
    confirmed_field,
)
from kansli.memos.models import SectionKey
from kansli.people.models import Body, Organization

from .models import Meeting

TIME_ERRORS = {"invalid": "Ange tiden som TT:MM, t.ex. 09:00.", "required": "Ange tiden."}


class MeetingForm(KansliForm):
    """When and where a meeting is held."""

    date = forms.DateField(label="Datum", widget=DateInput(), error_messages=DATE_ERRORS)
    start_time = forms.TimeField(label="Starttid", widget=TimeInput(), error_messages=TIME_ERRORS)
    end_time = forms.TimeField(
        label="Sluttid", required=False, widget=TimeInput(), error_messages=TIME_ERRORS
    )
    place = forms.CharField(
        label="Plats", max_length=300, error_messages={"required": "Ange plats."}
    )
    absence_contact = forms.CharField(
        label="Anmälan av förhinder till", required=False, max_length=300
    )


class MeetingCreateForm(MeetingForm):
    organization = forms.ModelChoiceField(
        label="Organ", queryset=Organization.objects.none(), error_messages=CHOICE_ERRORS
    )

    def __init__(self, *args: object, body: Body, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.filter(  # type: ignore[attr-defined]
            body=body
        ).exclude(kind="externt")
        self.order_fields(["organization"])


class MeetingEditForm(MeetingForm):
    notify = forms.BooleanField(
        label="Meddela ledamöter och ersättare som fått kallelsen om ändringen nu",
        required=False,
        initial=True,
    )
    confirmed = confirmed_field()


class MeetingCancelForm(KansliForm):
    reason = forms.CharField(
        label="Skäl (visas för ledamöterna och på Insyn)", required=False, max_length=300
    )
    notify = forms.BooleanField(
        label="Meddela ledamöter och ersättare som fått kallelsen nu",
        required=False,
        initial=True,
    )


class WithdrawForm(KansliForm):
    reason = forms.CharField(label="Skäl (valfritt)", required=False, max_length=300)


class AgendaItemForm(KansliForm):
    number = forms.IntegerField(
        label="Nummer",
        required=False,
        min_value=1,
        max_value=999,
        help_text="Lämna tomt för nästa lediga nummer.",
        error_messages={
            "invalid": "Ange ett heltal.",
            "min_value": "Numret måste vara 1 eller högre.",
            "max_value": "Högst 999.",
        },
    )
    case_number = forms.CharField(
        label="Diarienummer",
        required=False,
        max_length=40,
        help_text="Ärendet som punkten gäller, t.ex. 20RS6617. Lämna tomt för punkter utan ärende.",
    )
    title = forms.CharField(
        label="Rubrik",
        required=False,
        max_length=500,
        help_text="Lämna tomt för att använda ärendets ärendemening.",
    )
    is_public = forms.BooleanField(label="Offentligt ärende", required=False, initial=True)
    formula = forms.CharField(
        label="Beslutsformel",
        required=False,
        max_length=500,
        help_text="T.ex. ”Regionstyrelsen beslutar” eller "
        "”Regionstyrelsen föreslår regionfullmäktige besluta”.",
    )
    clauses = forms.CharField(
        label="Att-satser",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="En att-sats per rad, var och en börjar med ”att”.",
    )
    confirmed = confirmed_field()


class AgendaItemEditForm(KansliForm):
    title = forms.CharField(label="Rubrik", max_length=500)
    case_number = forms.CharField(
        label="Diarienummer",
        required=False,
        max_length=40,
        help_text="Lämna tomt för en punkt utan ärende.",
    )
    is_public = forms.BooleanField(label="Offentligt ärende", required=False)
    formula = AgendaItemForm.base_fields["formula"]
    clauses = AgendaItemForm.base_fields["clauses"]


class MemoForm(KansliForm):
    """The briefing memo, section by section. Text fields take the safe Markdown subset:
    paragraphs, **fet**, *kursiv*, lists ("- …", "1. …") and simple tables ("| a | b |")."""

    title = forms.CharField(label="Rubrik", max_length=500)
    unit = forms.CharField(label="Tjänsteställe", required=False, max_length=200)
    official_name = forms.CharField(label="Handläggare", required=False, max_length=200)
    meeting_date = forms.DateField(label="Sammanträdesdatum i sidhuvudet", widget=DateInput())
    case_number = forms.CharField(label="Diarienummer i sidhuvudet", max_length=60)
    formula = forms.CharField(label="Beslutsformel", max_length=500)
    clauses = forms.CharField(
        label="Att-satser",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="En att-sats per rad, var och en börjar med ”att”. "
        "”, samt” och punkt sätts ut när förslaget skrivs ut.",
    )
    basis = forms.CharField(
        label="Beslutsunderlag",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Ett underlag per rad. Börja raden med handlingens nummer (t.ex. 20RS6617-1) "
        "för att bifoga den registrerade PDF-filen till kallelsen.",
    )
    signatory_name = forms.CharField(label="Underskrift, namn", required=False, max_length=200)
    signatory_title = forms.CharField(label="Underskrift, titel", required=False, max_length=200)
    recipients = forms.CharField(
        label="Skickas till",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="En mottagare per rad: ett organ eller en förtroendevald med exakt namn "
        "(t.ex. ”Regionfullmäktige”, ”Karin Sundin (S)”), annars fritext.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for key in SectionKey:
            self.fields[f"section_{key.value}"] = forms.CharField(
                label=key.label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                max_length=50_000,
            )
        self.order_fields(
            ["title", "unit", "official_name", "meeting_date", "case_number", "formula"]
            + ["clauses"]
            + [f"section_{key.value}" for key in SectionKey]
        )


class MeetingChoiceField(forms.ModelChoiceField[Meeting]):
    """A choice of meetings, each shown as "Regionstyrelsen 2020-08-26"."""

    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.organization} {obj.date.isoformat()}"
