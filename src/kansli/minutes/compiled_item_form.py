"""The form of a compiled agenda item (minutes.compiled_item): the meeting, and the case it
goes in — a collective case by number, or a series to register a new one in."""

from typing import Any

from django.db.models import QuerySet

from kansli.core.forms import CHOICE_ERRORS
from kansli.core.roles import Viewer
from kansli.meetings.forms import MeetingChoiceField
from kansli.meetings.models import Meeting
from kansli.people.models import Body
from kansli.registry.forms import CaseNumberForm, SeriesChoiceField


class CompiledItemForm(CaseNumberForm):
    meeting = MeetingChoiceField(
        label="Sammanträde", queryset=Meeting.objects.none(), error_messages=CHOICE_ERRORS
    )
    series = SeriesChoiceField(
        label="Diarieserie för ett nytt samlingsärende",
        required=False,
        help_text="Används när inget diarienummer anges. Huvudmannens standardserie är vald.",
    )
    field_order = ["meeting", "case_number", "series"]

    def __init__(
        self,
        *args: Any,
        body: Body,
        viewer: Viewer,
        meetings: QuerySet[Meeting],
        case_help: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, body=body, viewer=viewer, **kwargs)
        self.fields[
            "case_number"
        ].help_text = f"{case_help} Behövs inte när sammanträdet redan har punkten."
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]
        self.fields["series"].offer(body)  # type: ignore[attr-defined]
