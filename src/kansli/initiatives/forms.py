"""Forms of the motion and citizen-proposal pages. They read the input; the workflow's rules
live in the services."""

from typing import Any

from django import forms
from django.utils import timezone

from kansli.core.forms import KansliForm, date_field
from kansli.core.roles import Viewer
from kansli.meetings.models import Meeting
from kansli.minutes.compiled_item_form import CompiledItemForm
from kansli.people.models import Body, Organization, OrganizationKind, Person
from kansli.registry.forms import SeriesChoiceField

from . import selectors
from .models import Initiative, Outcome
from .services import PREPARING_KINDS


def _preparing(body: Body) -> Any:
    return Organization.objects.filter(body=body, kind__in=PREPARING_KINDS).order_by("name")


class _RegisterForm(KansliForm):
    title = forms.CharField(
        label="Rubrik",
        max_length=400,
        error_messages={"required": "Ange en rubrik."},
        help_text="Rubriken är offentlig: skriv den utan namnet på en privatperson.",
    )
    received_on = date_field("Inkom")
    series = SeriesChoiceField()

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"received_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["series"].offer(body)  # type: ignore[attr-defined]


def _authors_field() -> forms.ModelMultipleChoiceField[Person]:
    return forms.ModelMultipleChoiceField(
        label="Motionärer",
        queryset=Person.objects.select_related("party").order_by("last_name", "first_name"),
        help_text="En eller flera förtroendevalda; håll ned Ctrl för att välja flera.",
        error_messages={
            "required": "En motion har minst en motionär.",
            "invalid_choice": "Välj motionärer i listan.",
            "invalid_pk_value": "Välj motionärer i listan.",
        },
    )


def _proposer_fields() -> dict[str, forms.Field]:
    return {
        "proposer_name": forms.CharField(
            label="Förslagsställare",
            max_length=200,
            error_messages={"required": "Ange förslagsställarens namn."},
            help_text="Namnet visas för anställda och förtroendevalda.",
        ),
        "publish_name": forms.BooleanField(
            label="Förslagsställaren har samtyckt till att namnet publiceras",
            required=False,
            help_text="Utan samtycke visas inget namn på dagordningen eller för allmänheten.",
        ),
    }


class MotionForm(_RegisterForm):
    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, body=body, **kwargs)
        self.fields["authors"] = _authors_field()
        self.fields["title"].help_text = "Till exempel ”Motion om fler vårdplatser”."


class CitizenProposalForm(_RegisterForm):
    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, body=body, **kwargs)
        self.fields.update(_proposer_fields())


class CompleteForm(KansliForm):
    """What an initiative registered in the registry lacks (services.initiative_complete):
    a motion's authors or a proposal's proposer, with the title to put right."""

    title = forms.CharField(
        label="Rubrik",
        max_length=400,
        error_messages={"required": "Ange en rubrik."},
        help_text="Rubriken är offentlig: skriv den utan namnet på en privatperson.",
    )

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"title": initiative.title})
        super().__init__(*args, **kwargs)
        if initiative.is_motion:
            self.fields["authors"] = _authors_field()
        else:
            self.fields.update(_proposer_fields())


class AnnounceForm(KansliForm):
    meeting = forms.ModelChoiceField(
        label="Fullmäktiges sammanträde",
        queryset=Meeting.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Det finns inget kommande sammanträde i fullmäktige att anmäla på.",
            "invalid_choice": "Välj ett av fullmäktiges sammanträden i listan.",
        },
    )
    refer_to = forms.ModelChoiceField(
        label="Föreslås remitteras till",
        queryset=Organization.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "Välj styrelsen eller en nämnd."},
    )

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meetings = Meeting.objects.filter(
            organization__body=initiative.body,
            organization__kind=OrganizationKind.COUNCIL,
            date__gte=initiative.received_on,
        ).order_by("date")
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]
        preparing = _preparing(initiative.body)
        self.fields["refer_to"].queryset = preparing  # type: ignore[attr-defined]
        board = preparing.filter(kind=OrganizationKind.BOARD).first()
        if board is not None:
            self.fields["refer_to"].initial = board.pk


class ReferForm(KansliForm):
    organization = forms.ModelChoiceField(
        label="Remitterad till", queryset=Organization.objects.none(), empty_label=None
    )
    referred_on = date_field("Fullmäktiges beslut den")

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"organization": initiative.referred_to_id, "referred_on": initiative.announced_on},
        )
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _preparing(initiative.body)  # type: ignore[attr-defined]


class DelegateForm(KansliForm):
    organization = forms.ModelChoiceField(
        label="Överlämnat till", queryset=Organization.objects.none(), empty_label=None
    )
    delegated_on = date_field("Fullmäktiges beslut den")

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _preparing(initiative.body)  # type: ignore[attr-defined]


class ConsentForm(KansliForm):
    publish_name = forms.BooleanField(
        label="Namnet får publiceras",
        required=False,
        help_text="Förslagsställaren har samtyckt till att namnet visas i dagordningen, "
        "redovisningar och på webben.",
    )

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"publish_name": initiative.publish_name})
        super().__init__(*args, **kwargs)


class DecideForm(KansliForm):
    outcome = forms.ChoiceField(
        label="Beslut",
        choices=Outcome.choices,
        error_messages={"invalid_choice": "Välj bifallen, avslagen, besvarad eller avskriven."},
    )
    decided_on = date_field("Beslutsdatum")
    reference = forms.CharField(
        label="Paragraf",
        required=False,
        max_length=200,
        help_text="Var beslutet finns, t.ex. ”RF 2021-04-27 § 61”.",
    )


class ReportCompileForm(CompiledItemForm):
    def __init__(self, *args: Any, body: Body, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(
            *args,
            body=body,
            viewer=viewer,
            meetings=selectors.report_meetings(viewer=viewer, body=body),
            case_help="Ärendet där årets redovisningar samlas, t.ex. 21RS12.",
            **kwargs,
        )
