"""Forms of a federation's own data: the federation, its members, its board and its
förbundsordningar. They read the input; the rules live in the services."""

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from kansli.core.forms import DATE_ERRORS, DateInput, KansliForm

from .. import rules
from ..models import BoardRole, CharterVersion, Federation, FederationMember, MemberKind, SplitRule


def _count(label: str, *, minimum: int, maximum: int, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=minimum,
        max_value=maximum,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": "Ange ett antal.",
            "invalid": "Skriv ett heltal med bara siffror.",
            "min_value": f"Minst {minimum}.",
            "max_value": f"Högst {maximum}.",
        },
    )


class FederationForm(KansliForm):
    name = forms.CharField(
        label="Namn",
        max_length=200,
        error_messages={"required": "Ange förbundets namn."},
    )
    short_name = forms.CharField(
        label="Kortnamn",
        max_length=60,
        help_text="Det korta namnet i tabeller och CSV-filer, t.ex. SOFINT.",
        error_messages={"required": "Ange ett kortnamn."},
    )
    aliases = forms.CharField(
        label="Andra namn",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Ett namn per rad, t.ex. äldre namn. Förbundet hittas på alla sina namn.",
    )
    seat = forms.CharField(label="Säte", required=False, max_length=100)
    split_rule = forms.ChoiceField(
        label="Kommunernas fördelning",
        choices=SplitRule.choices,
        help_text="Som förbundsordningen säger; oftast efter invånarantal.",
    )

    @staticmethod
    def initial_for(federation: Federation) -> dict[str, object]:
        return {
            "name": federation.name,
            "short_name": federation.short_name,
            "aliases": "\n".join(federation.aliases),
            "seat": federation.seat,
            "split_rule": federation.split_rule,
        }

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["aliases"] = [a for a in data["aliases"].splitlines() if a.strip()]
        return data


class ShareField(forms.CharField):
    """A fixed share as a decimal fraction, "0,25" or "0.25"; empty is none."""

    def clean(self, value: Any) -> Decimal | None:
        text = (super().clean(value) or "").replace(",", ".").replace(" ", "")
        if not text:
            return None
        if not re.fullmatch(r"[0-9]*\.?[0-9]*", text) or text == ".":
            raise forms.ValidationError("Skriv andelen som ett decimaltal, t.ex. 0,25.")
        try:
            share = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError("Skriv andelen som ett decimaltal, t.ex. 0,25.") from None
        if not share.is_finite() or share.as_tuple().exponent < -6:  # type: ignore[operator]
            raise forms.ValidationError("Skriv andelen med högst sex decimaler.")
        return share


class MemberForm(KansliForm):
    kind = forms.ChoiceField(label="Slag", choices=MemberKind.choices)
    name = forms.CharField(
        label="Namn", max_length=200, error_messages={"required": "Ange medlemmens namn."}
    )
    board_members = _count("Ledamöter i styrelsen", minimum=1, maximum=20)
    board_substitutes = _count("Ersättare i styrelsen", minimum=1, maximum=20)
    fixed_share = ShareField(
        label="Fast andel av kommunernas fjärdedel",
        required=False,
        max_length=20,
        help_text="Bara för kommuner, och bara när förbundsordningen anger fasta andelar.",
    )

    def __init__(self, *args: Any, member: FederationMember | None = None, **kwargs: Any) -> None:
        if member is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": member.name,
                    "board_members": member.board_members,
                    "board_substitutes": member.board_substitutes,
                    "fixed_share": str(member.fixed_share).replace(".", ",")
                    if member.fixed_share is not None
                    else "",
                },
            )
        else:
            kwargs.setdefault("initial", {"board_members": 1, "board_substitutes": 1})
        super().__init__(*args, **kwargs)
        if member is not None:
            del self.fields["kind"]  # a member does not change kind
            if not member.is_municipality:
                del self.fields["fixed_share"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind and kind != MemberKind.MUNICIPALITY and data.get("fixed_share") is not None:
            self.add_error("fixed_share", "Bara kommuner har en fast andel.")
        return data


class BoardTermForm(KansliForm):
    start = forms.DateField(label="Från", widget=DateInput(), error_messages=DATE_ERRORS)
    end = forms.DateField(label="Till", widget=DateInput(), error_messages=DATE_ERRORS)
    members = _count("Ledamöter", minimum=1, maximum=100)
    substitutes = _count("Ersättare", minimum=0, maximum=100)
    qualified_majority = forms.CharField(
        label="Kvalificerad majoritet",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Vilka beslut som kräver kvalificerad majoritet, t.ex. ”3/4 för budget och "
        "årsredovisning”.",
    )

    @staticmethod
    def initial_for(federation: Federation, today: datetime.date) -> dict[str, object]:
        """The term after the latest general election, and the seats the members have."""
        start, end = rules.board_term(today)
        members = list(federation.members.all())
        return {
            "start": start,
            "end": end,
            "members": sum(m.board_members for m in members) or None,
            "substitutes": sum(m.board_substitutes for m in members) or None,
        }


class AppointmentForm(KansliForm):
    member = forms.ModelChoiceField(
        label="Utsedd av",
        queryset=FederationMember.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "Välj en av förbundets medlemmar."},
    )
    role = forms.ChoiceField(label="Roll", choices=BoardRole.choices)
    name = forms.CharField(
        label="Namn", max_length=200, error_messages={"required": "Ange namnet."}
    )

    def __init__(self, *args: Any, federation: Federation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = federation.members.all()  # type: ignore[attr-defined]


class CharterForm(KansliForm):
    title = forms.CharField(
        label="Rubrik",
        max_length=300,
        help_text="T.ex. ”Förbundsordning för Samordningsförbundet Sydnärke, reviderad 2024”.",
        error_messages={"required": "Ange en rubrik."},
    )
    proposed_on = forms.DateField(
        label="Förslaget daterat", widget=DateInput(), error_messages=DATE_ERRORS
    )
    case_number = forms.CharField(label="Diarienummer", required=False, max_length=60)


class AdoptionForm(KansliForm):
    member = forms.ModelChoiceField(
        label="Medlem",
        queryset=FederationMember.objects.none(),
        empty_label=None,
        error_messages={
            "invalid_choice": "Välj en medlem som inte redan antagit den.",
            "required": "Välj en medlem; alla som inte antagit den står i listan.",
        },
    )
    adopted_on = forms.DateField(
        label="Antagen den", widget=DateInput(), error_messages=DATE_ERRORS
    )
    reference = forms.CharField(
        label="Beslut",
        required=False,
        max_length=200,
        help_text="Var beslutet finns, t.ex. ”Regionfullmäktige 2024-04-25 § 56”.",
    )

    def __init__(self, *args: Any, charter: CharterVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        adopted = charter.adoptions.values_list("member_id", flat=True)
        waiting = charter.federation.members.exclude(pk__in=adopted)
        self.fields["member"].queryset = waiting  # type: ignore[attr-defined]
