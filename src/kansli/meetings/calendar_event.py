"""A meeting as an iCalendar event (RFC 5545 VEVENT): the same UID in the public feed and in
the notices sent to members, SEQUENCE raised by every move, STATUS:CANCELLED once cancelled,
so that a calendar that has the meeting updates it."""

import datetime

from kansli.core.formatting import genitive
from kansli.core.ical import escape_text, utc

from .models import Meeting
from .when import meeting_end, meeting_start


def event_lines(
    meeting: Meeting,
    agenda: list[str],
    *,
    uid_host: str,
    url: str,
    stamp: datetime.datetime,
    cancellation_reason: str | None = None,
) -> list[str]:
    """One meeting's VEVENT, unfolded; `agenda` the item lines the reader may see, and the
    reason a cancelled meeting was cancelled as the reader may read it (the meeting's own by
    default)."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{uid_host}",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(meeting_start(meeting))}",
    ]
    end = meeting_end(meeting)
    if end is not None:
        lines.append(f"DTEND:{utc(end)}")
    summary = f"{genitive(meeting.organization.name)} sammanträde"
    if meeting.is_cancelled:
        summary = f"INSTÄLLT: {summary}"
    lines += [
        f"SUMMARY:{escape_text(summary)}",
        f"LOCATION:{escape_text(meeting.place)}",
        f"URL:{url}",
        f"SEQUENCE:{meeting.sequence}",
        f"STATUS:{'CANCELLED' if meeting.is_cancelled else 'CONFIRMED'}",
    ]
    description = []
    if meeting.is_cancelled:
        reason = meeting.cancellation_reason if cancellation_reason is None else cancellation_reason
        description.append("Sammanträdet är inställt" + (f": {reason}" if reason else "."))
    if agenda:
        description += ["Dagordning:", *agenda]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(chr(10).join(description))}")
    lines.append("END:VEVENT")
    return lines
