"""Registry forms. They collect input; the rules live in the services."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from kansli.core.forms import CHOICE_ERRORS, DateInput, KansliForm, confirmed_field, date_field
from kansli.core.roles import Viewer
from kansli.core.uploads import allowed_extensions
from kansli.people.models import Body, Official, Organization

from .models import Case, CaseType, ClassLevel, ClassNode, DocumentKind, Series, Visibility
from .selectors import case_get_by_number, default_series_or_none


class SeriesChoiceField(forms.ModelChoiceField[Series]):
    """A choice among a body's series with its default series chosen (Series.is_default);
    the form calls `offer(body)` when it knows the body."""

    def __init__(self, *, label: str = "Diarieserie", **kwargs: Any) -> None:
        kwargs.setdefault("empty_label", None)
        kwargs.setdefault("error_messages", CHOICE_ERRORS)
        super().__init__(queryset=Series.objects.none(), label=label, **kwargs)

    def offer(self, body: Body) -> None:
        self.queryset = Series.objects.filter(body=body)
        default = default_series_or_none(body)
        if default is not None:
            self.initial = default.pk


class CaseRegisterForm(KansliForm):
    series = SeriesChoiceField()
    title = forms.CharField(
        label="Ärendemening", max_length=500, help_text="Kort beskrivning av vad ärendet gäller."
    )
    case_type = forms.ChoiceField(label="Ärendetyp", choices=CaseType.choices)
    organization = forms.ModelChoiceField(
        label="Ansvarigt organ",
        required=False,
        queryset=Organization.objects.none(),
        empty_label="(inget valt)",
    )
    official = forms.ModelChoiceField(
        label="Handläggare",
        required=False,
        queryset=Official.objects.none(),
        empty_label="(ingen tilldelad)",
    )
    secrecy = forms.CharField(
        label="Sekretess för ärendet (lagrum)",
        required=False,
        max_length=100,
        help_text="Lämna tomt om ärendet inte i sin helhet omfattas av sekretess. "
        "Exempel: OSL 21 kap. 1 §.",
    )
    process = forms.ModelChoiceField(
        label="Process (klassificering)",
        required=False,
        queryset=ClassNode.objects.none(),
        empty_label="(föreslås utifrån ärendetypen)",
        help_text="Processen i klassificeringsstrukturen; den avgör hur handlingarna bevaras "
        "eller gallras.",
    )
    number = forms.CharField(
        label="Befintligt diarienummer",
        required=False,
        max_length=40,
        help_text="Endast vid efterregistrering. Lämna tomt så tilldelas nästa lediga nummer.",
    )

    def __init__(self, *args: object, body: Body, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["series"].offer(body)  # type: ignore[attr-defined]
        self.fields["organization"].queryset = Organization.objects.filter(  # type: ignore[attr-defined]
            body=body
        ).exclude(kind="externt")
        self.fields["official"].queryset = Official.objects.filter(body=body)  # type: ignore[attr-defined]
        self.fields["process"].queryset = processes_of(body)  # type: ignore[attr-defined]
        if not self.fields["process"].queryset.exists():  # type: ignore[attr-defined]
            del self.fields["process"]


def processes_of(body: Body) -> QuerySet[ClassNode]:
    return ClassNode.objects.filter(body=body, level=ClassLevel.PROCESS).order_by("code")


class DocumentRegisterForm(KansliForm):
    kind = forms.ChoiceField(
        label="Typ av handling", choices=DocumentKind.choices, widget=forms.RadioSelect
    )
    date = forms.DateField(
        label="Datum",
        widget=DateInput(),
        help_text="Inkom-, upprättande- eller avsändningsdatum (ÅÅÅÅ-MM-DD).",
    )
    counterpart = forms.CharField(label="Avsändare eller mottagare", required=False, max_length=300)
    description = forms.CharField(label="Beskrivning", max_length=500)
    document_type = forms.CharField(
        label="Handlingstyp",
        required=False,
        max_length=100,
        help_text="T.ex. Skrivelse, Tjänsteskrivelse, Protokoll; avgör bevarande och gallring "
        "enligt informationshanteringsplanen.",
    )
    visibility = forms.ChoiceField(
        label="Åtkomst",
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
        help_text="Ej publicerad: syns för anställda och förtroendevalda men publiceras inte. "
        "Sekretess: syns bara för registratorer och ärendets handläggare.",
    )
    secrecy = forms.CharField(
        label="Lagrum för sekretess",
        required=False,
        max_length=100,
        help_text="Krävs vid sekretess, t.ex. OSL 21 kap. 1 §.",
    )
    file = forms.FileField(
        label="Fil",
        required=False,
        help_text=f"Tillåtna filtyper: {', '.join(allowed_extensions())}.",
    )
    confirmed = confirmed_field()


class CaseNumberForm(KansliForm):
    """A form with an optional case number of the body, read as the case the viewer sees:
    cleaned_data["case_number"] is a Case or None."""

    case_number = forms.CharField(
        label="Diarienummer", required=False, max_length=60, help_text="Valfritt, t.ex. 20RS6587."
    )

    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.body, self.viewer = body, viewer

    def clean_case_number(self) -> Case | None:
        number = " ".join(self.cleaned_data["case_number"].split())
        if not number:
            return None
        try:
            return case_get_by_number(viewer=self.viewer, body=self.body, number=number)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        except Case.DoesNotExist as error:
            raise forms.ValidationError(f"Inget ärende med diarienummer {number}.") from error


class CaseUpdateForm(KansliForm):
    """A case's facts, changed with a reason (services.case_update)."""

    title = forms.CharField(
        label="Ärendemening", max_length=500, error_messages={"required": "Ange ärendemening."}
    )
    official = forms.ModelChoiceField(
        label="Handläggare",
        required=False,
        queryset=Official.objects.none(),
        empty_label="(ingen tilldelad)",
        error_messages=CHOICE_ERRORS,
    )
    unit = forms.CharField(label="Enhet", required=False, max_length=200)
    secrecy = forms.CharField(
        label="Sekretess för ärendet (lagrum)",
        required=False,
        max_length=100,
        help_text="Lämna tomt om ärendet inte i sin helhet omfattas av sekretess. "
        "Exempel: OSL 21 kap. 1 §.",
    )
    reason = forms.CharField(
        label="Skäl till ändringen",
        max_length=500,
        error_messages={"required": "Ange skälet till ändringen."},
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Skälet och de gamla uppgifterna syns i ärendets händelser (utom "
        "ärendemeningen i ett ärende med sekretess).",
    )

    def __init__(self, *args: object, case: Case, **kwargs: object) -> None:
        kwargs.setdefault(
            "initial",
            {
                "title": case.title,
                "official": case.official_id,
                "unit": case.unit,
                "secrecy": case.secrecy,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["official"].queryset = Official.objects.filter(  # type: ignore[attr-defined]
            body_id=case.body_id
        )


class CaseCloseForm(KansliForm):
    closed_on = date_field("Avslutat", help_text="Dagen ärendet avslutades (ÅÅÅÅ-MM-DD).")
    decision = forms.CharField(
        label="Avslutat genom",
        required=False,
        max_length=300,
        help_text="Beslutet som avslutade ärendet, t.ex. Regionstyrelsen 2020-08-26 § 112. "
        "Lämna tomt om ärendet avslutas utan beslut.",
    )


class CaseReopenForm(KansliForm):
    reason = forms.CharField(
        label="Skäl till att ärendet återupptas",
        max_length=500,
        error_messages={"required": "Ange skälet till att ärendet återupptas."},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CaseClassifyForm(KansliForm):
    process = forms.ModelChoiceField(
        label="Process",
        required=False,
        queryset=ClassNode.objects.none(),
        empty_label="(ingen klassificering)",
        error_messages=CHOICE_ERRORS,
    )
    reason = forms.CharField(label="Skäl", required=False, max_length=500)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = processes_of(body)  # type: ignore[attr-defined]
