"""Forms for the organisation's own data: terms, organizations, parties and persons. They read
the input; the rules live in the services."""

from typing import Any

from django import forms

from kansli.core.forms import CHOICE_ERRORS, KansliForm, date_field

from .models import Organization, OrganizationKind, Party, Person, Term


def text_field(label: str, limit: int, missing: str = "", help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        required=bool(missing),
        help_text=help_text,
        error_messages={
            "required": missing,
            "max_length": f"Högst {limit} tecken.",
        },
    )


def email_field(label: str, help_text: str) -> forms.EmailField:
    return forms.EmailField(
        label=label,
        required=False,
        max_length=254,
        help_text=help_text,
        error_messages={
            "invalid": "Ange en giltig e-postadress, till exempel namn@example.se.",
            "max_length": "Högst 254 tecken.",
        },
    )


def party_field(required: bool = False) -> forms.ModelChoiceField[Party]:
    return forms.ModelChoiceField(
        label="Parti",
        queryset=Party.objects.order_by("code"),
        required=required,
        empty_label="– utan parti –",
        error_messages=CHOICE_ERRORS,
        help_text="Saknas partiet? Lägg till det under Partier först.",
    )


class TermForm(KansliForm):
    name = text_field("Namn", 100, "Ange mandatperiodens namn.", "Till exempel 2023–2026.")
    start = date_field("Från", help_text="Första dagen, till exempel 2023-01-01.")
    end = date_field("Till", help_text="Sista dagen, till exempel 2026-12-31.")

    @staticmethod
    def initial_for(term: Term) -> dict[str, Any]:
        return {"name": term.name, "start": term.start, "end": term.end}


class OrganizationForm(KansliForm):
    name = text_field("Namn", 200, "Ange organets namn.", "Till exempel Regionstyrelsen.")
    short_name = text_field("Kortnamn", 20, help_text="Till exempel RS. Frivilligt.")
    kind = forms.ChoiceField(
        label="Typ", choices=OrganizationKind.choices, error_messages=CHOICE_ERRORS
    )
    parent = forms.ModelChoiceField(
        label="Överordnat organ",
        queryset=Organization.objects.none(),
        required=False,
        empty_label="– inget –",
        error_messages=CHOICE_ERRORS,
        help_text="Till exempel styrelsen för ett arbetsutskott.",
    )
    email = email_field(
        "E-post för expediering", "Organets funktionsbrevlåda, till exempel rs@region.example.se."
    )
    notice_days = forms.IntegerField(
        label="Kallelse senast (dagar före)",
        min_value=0,
        max_value=60,
        initial=5,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text="Enligt reglementet; fullmäktige annonseras minst en vecka före.",
        error_messages={
            "required": "Ange antalet dagar.",
            "invalid": "Skriv ett heltal med bara siffror.",
            "min_value": "Minst 0 dagar.",
            "max_value": "Högst 60 dagar.",
        },
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = organizations  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(organization: Organization) -> dict[str, Any]:
        return {
            "name": organization.name,
            "short_name": organization.short_name,
            "kind": organization.kind,
            "parent": organization.parent_id,
            "email": organization.email,
            "notice_days": organization.notice_days,
        }


class PartyForm(KansliForm):
    code = text_field("Förkortning", 10, "Ange partiets förkortning.", "Till exempel S eller M.")
    name = text_field("Namn", 100, "Ange partiets namn.", "Till exempel Socialdemokraterna.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs["class"] = "input-short"


PERSON_EMAIL_HELP = (
    "Adressen kallelser och ändringar av sammanträden skickas till (uppdragsadressen, inte "
    "en privat adress). Visas bara för anställda."
)


class PersonForm(KansliForm):
    """A person's name, party and e-mail; when the name and party are someone else's, a
    box to say it is another person appears."""

    first_name = text_field("Förnamn", 100, "Ange förnamnet.")
    last_name = text_field("Efternamn", 100, "Ange efternamnet.")
    party = party_field()
    email = email_field("E-post", PERSON_EMAIL_HELP)

    @staticmethod
    def initial_for(person: Person) -> dict[str, Any]:
        return {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "party": person.party_id,
            "email": person.email,
        }

    def ask_namesake(self, question: str) -> bool:
        """Add the box "another person with the same name"; whether it is ticked."""
        self.fields["another_person"] = forms.BooleanField(
            label="Det är en annan person med samma namn och parti", required=False
        )
        ticked = self.data.get("another_person") in ("on", "true", "1")
        if not ticked:
            self.add_error(None, question)
        return ticked
