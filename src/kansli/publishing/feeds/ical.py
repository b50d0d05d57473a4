"""The public calendar feed's events (RFC 5545): each meeting's VEVENT, with the agenda titles
written in Kansli masked for private persons' data. The iCalendar text itself is
kansli.core.ical; the event kansli.meetings.calendar_event."""

import datetime

from kansli.core.ical import CRLF, LINE_OCTETS, PRODID, calendar, escape_text, fold, utc
from kansli.meetings import calendar_event
from kansli.meetings.models import AgendaItem, Meeting

from ..public_text import masked
from ..redaction import AllowList

__all__ = [
    "CRLF",
    "LINE_OCTETS",
    "PRODID",
    "calendar",
    "escape_text",
    "event_lines",
    "fold",
    "utc",
]


def event_lines(
    meeting: Meeting,
    items: list[AgendaItem],
    *,
    uid_host: str,
    url: str,
    stamp: datetime.datetime,
    allow: AllowList | None = None,
) -> list[str]:
    """One meeting's VEVENT, unfolded; `items` are the agenda items the viewer may see,
    their titles masked (`allow`: masking.published_facts, read once for the feed)."""
    agenda = [
        f"{item.number}. {masked(item.title, allow=allow)}"
        + (" (utgår)" if item.is_withdrawn else "")
        for item in items
    ]
    return calendar_event.event_lines(
        meeting,
        agenda,
        uid_host=uid_host,
        url=url,
        stamp=stamp,
        cancellation_reason=masked(meeting.cancellation_reason, allow=allow),
    )
