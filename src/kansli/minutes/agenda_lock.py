"""The minutes' hold on a meeting's agenda (kansli.meetings.locks): once the minutes are
started, items are added and withdrawn through the minutes; once adjusted, never."""

from kansli.meetings.locks import AgendaLock
from kansli.meetings.models import Meeting

from .models import Minutes, MinutesStatus

STARTED = (
    "Protokollet är påbörjat, så dagordningen ändras nu i protokollet: lägg till ett ärende "
    "eller låt ett ärende utgå på protokollssidan."
)
ADJUSTED = "Protokollet är justerat; sammanträdets dagordning kan inte längre ändras."


def minutes_lock(meeting: Meeting) -> AgendaLock | None:
    status = Minutes.objects.filter(meeting_id=meeting.pk).values_list("status", flat=True).first()
    if status is None:
        return None
    if status == MinutesStatus.ADJUSTED:
        return AgendaLock(ADJUSTED, minutes_may_change=False)
    return AgendaLock(STARTED, minutes_may_change=True)
