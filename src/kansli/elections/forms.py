"""Forms of the resignation pages; the rules live in the services."""

from typing import Any

from django import forms

from kansli.core.forms import CHOICE_ERRORS, KansliForm, date_field
from kansli.meetings.forms import MeetingChoiceField
from kansli.meetings.models import Meeting
from kansli.people.models import Body, Membership, Person
from kansli.registry.forms import SeriesChoiceField

from .models import VacancyReason


class _SeatChoice(forms.ModelChoiceField[Membership]):
    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.organization}: {obj.person}, {obj.get_role_display().lower()}"


class RegisterForm(KansliForm):
    membership = _SeatChoice(
        label="Uppdrag", queryset=Membership.objects.none(), error_messages=CHOICE_ERRORS
    )
    requested_on = date_field("Begäran inkom")
    series = SeriesChoiceField()

    def __init__(self, *args: Any, seats: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = seats  # type: ignore[attr-defined]
        self.fields["series"].offer(body)  # type: ignore[attr-defined]


class ProposeForm(KansliForm):
    meeting = MeetingChoiceField(
        label="Sammanträde",
        queryset=Meeting.objects.none(),
        error_messages=CHOICE_ERRORS,
        help_text="Det organ som valde personen, t.ex. regionstyrelsen för externa organ.",
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]


class NominateForm(KansliForm):
    person = forms.ModelChoiceField(
        label="Föreslagen ersättare eller ledamot",
        queryset=Person.objects.none(),
        error_messages=CHOICE_ERRORS,
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class DecideForm(KansliForm):
    decided_on = date_field("Beslutsdag")


_REASON_ERRORS = {
    "invalid_choice": "Välj varför platsen blev ledig.",
    "required": "Välj varför platsen blev ledig.",
}


class VacancyForm(KansliForm):
    membership = _SeatChoice(
        label="Uppdrag", queryset=Membership.objects.none(), error_messages=CHOICE_ERRORS
    )
    occurred_on = date_field(
        "Inträffade",
        help_text="Dagen då personen avled eller valbarheten upphörde, till exempel dagen för "
        "flytten från kommunen.",
    )
    reason = forms.ChoiceField(
        label="Skäl",
        choices=VacancyReason.choices,
        error_messages={
            "invalid_choice": "Välj varför platsen blev ledig.",
            "required": "Välj varför platsen blev ledig.",
        },
    )

    def __init__(self, *args: Any, seats: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = seats  # type: ignore[attr-defined]


class KeepForm(KansliForm):
    decided_on = date_field(
        "Fullmäktiges beslut",
        help_text="Sammanträdet där fullmäktige beslutade, senast det där uppdraget upphör.",
    )
    reference = forms.CharField(
        label="Beslut",
        max_length=200,
        help_text="Till exempel ”KF § 45”.",
        error_messages={
            "required": "Ange beslutet, t.ex. paragrafen i protokollet.",
            "max_length": "Högst 200 tecken.",
        },
    )
