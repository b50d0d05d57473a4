"""When a meeting starts and ends, as moments in Swedish time (Europe/Stockholm)."""

import datetime
from zoneinfo import ZoneInfo

from kansli.meetings.models import Meeting

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def meeting_start(meeting: Meeting) -> datetime.datetime:
    return datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=STOCKHOLM)


def meeting_end(meeting: Meeting) -> datetime.datetime | None:
    """None when the meeting has no set end."""
    if meeting.end_time is None:
        return None
    return datetime.datetime.combine(meeting.date, meeting.end_time, tzinfo=STOCKHOLM)
