"""A board with an upcoming meeting whose members and substitutes have e-mail addresses
(fictional, at example.org), built through the services."""

import datetime

from django.utils import timezone

from ..minutes.helpers import Board, board_with_meeting


def upcoming(days: int = 14) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def board_with_upcoming_meeting(body, series, *, days: int = 14) -> Board:
    return board_with_meeting(body, series, date=upcoming(days), emails=True)


def move(b: Board, actor, **changes):
    """meeting_update with the meeting's own facts, changed where told."""
    from kansli.meetings import services

    facts = {
        "date": b.meeting.date,
        "start_time": b.meeting.start_time,
        "end_time": b.meeting.end_time,
        "place": b.meeting.place,
        "absence_contact": b.meeting.absence_contact,
        **changes,
    }
    return services.meeting_update(actor=actor, meeting=b.meeting, **facts)
