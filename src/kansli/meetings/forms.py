from django import forms

from kansli.core.forms import DateInput, KansliForm, TimeInput
from kansli.people.models import Body, Organization

from .models import Meeting


class MeetingCreateForm(KansliForm):
    organization = forms.ModelChoiceField(label="Organ", queryset=Organization.objects.none())
    date = forms.DateField(label="Datum", widget=DateInput())
    start_time = forms.TimeField(label="Starttid", widget=TimeInput())
    end_time = forms.TimeField(label="Sluttid", required=False, widget=TimeInput())
    place = forms.CharField(label="Plats", max_length=300)
    absence_contact = forms.CharField(
        label="Anmälan av förhinder till", required=False, max_length=300
    )

    def __init__(self, *args: object, body: Body, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.filter(  # type: ignore[attr-defined]
            body=body
        ).exclude(kind="externt")


class AgendaItemForm(KansliForm):
    number = forms.IntegerField(
        label="Nummer",
        required=False,
        min_value=1,
        max_value=999,
        help_text="Lämna tomt för nästa lediga nummer.",
    )
    title = forms.CharField(label="Rubrik", max_length=500)
    case_number = forms.CharField(
        label="Diarienummer",
        required=False,
        max_length=40,
        help_text="Ärendet som punkten gäller, t.ex. 20RS6617. Lämna tomt för punkter utan ärende.",
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
        from kansli.memos.models import SectionKey

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


class MeetingChoiceField(forms.ModelChoiceField):
    """A choice of meetings, each shown as "Regionstyrelsen 2020-08-26"."""

    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.organization} {obj.date.isoformat()}"
