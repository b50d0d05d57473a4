from django import forms

from kansli.core.forms import DateInput, KansliForm, TimeInput
from kansli.people.models import Body, Organization


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
