"""The meeting's own case (where its books are registered) goes in the body's default series,
not in the series first in the alphabet."""

import datetime

import pytest

from kansli.meetings.book.render import BookError
from kansli.meetings.book.services import _meeting_case
from kansli.meetings.services import meeting_create
from kansli.registry import services as registry
from kansli.registry.models import Series


@pytest.fixture
def meeting(body, series, board):
    registry.series_create(actor=None, body=body, code="OLL", name="Äldre serie")
    return meeting_create(
        actor=None,
        organization=board,
        date=datetime.date(2020, 8, 26),
        start_time=datetime.time(9),
        place="Regionens hus",
    )


def test_the_meeting_case_is_registered_in_the_default_series(meeting, series):
    case = _meeting_case(meeting)
    assert case.series == series and "RS" in case.number
    assert _meeting_case(meeting) == case  # registered once


def test_without_a_default_series_the_book_fails_with_a_swedish_message(meeting, body):
    Series.objects.filter(body=body).update(is_default=False)
    with pytest.raises(BookError, match="Ingen diarieserie är vald som standard för"):
        _meeting_case(meeting)
    meeting.refresh_from_db()
    assert meeting.case is None
