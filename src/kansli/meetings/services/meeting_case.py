"""The case a meeting's own documents are registered in (the meeting book, the adjusted
minutes): the meeting's case, registered in the body's default series at first need."""

from django.db import transaction

from kansli.registry.models import Case
from kansli.registry.selectors import default_series
from kansli.registry.services import case_register

from ..models import Meeting


@transaction.atomic
def meeting_case_of(meeting: Meeting) -> Case:
    """The meeting's case; registered now when it has none. Raises ValidationError (in
    Swedish) when the body has no series to register it in."""
    if meeting.case is not None:
        return meeting.case
    # Locked and read again: the book and the minutes' registration may both get here first.
    locked = (
        Meeting.objects.select_for_update(of=("self",)).select_related("case").get(pk=meeting.pk)
    )
    if locked.case is not None:
        meeting.case = locked.case
        return locked.case
    case = case_register(
        actor=None,
        body=meeting.organization.body,
        series=default_series(meeting.organization.body),
        title=f"Sammanträde {meeting.organization} {meeting.date.isoformat()}",
        organization=meeting.organization,
    )
    meeting.case = case
    meeting.save(update_fields=["case"])
    return case
