"""The rules of meetings, notices and the council's announcement, from the statute's words
(KL 5 kap. 13–15 §§, 52 §) rather than from the code."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.core.workdays import is_deadline_free_day
from kansli.meetings import rules

D = datetime.date


@pytest.mark.parametrize(
    ("meeting", "latest"),
    [
        (D(2026, 12, 15), D(2026, 12, 8)),  # "minst en vecka före": the same weekday before
        (D(2027, 1, 5), D(2026, 12, 29)),  # over the new year
        (D(2024, 3, 7), D(2024, 2, 29)),  # a leap day
    ],
)
def test_the_announcement_is_due_a_week_before_the_meeting_day(meeting, latest):
    assert rules.announcement_latest_day(meeting) == latest
    assert rules.announcement_in_time(latest, meeting)
    assert not rules.announcement_in_time(latest + datetime.timedelta(days=1), meeting)


def test_the_announcement_day_is_not_moved_off_a_holiday():
    # The week before 2027-01-01 is Christmas day: posting must happen by then, not later.
    assert rules.announcement_latest_day(D(2027, 1, 1)) == D(2026, 12, 25)


@pytest.mark.parametrize(
    ("meeting", "latest"),
    [
        (D(2026, 12, 16), D(2026, 12, 15)),  # Wednesday: Tuesday
        (D(2026, 12, 14), D(2026, 12, 11)),  # Monday: the Friday before
        (D(2026, 12, 28), D(2026, 12, 23)),  # after Christmas: not the eve, not the holidays
        (D(2026, 4, 7), D(2026, 4, 2)),  # Tuesday after Easter Monday: Maundy Thursday
    ],
)
def test_an_urgent_item_is_announced_by_the_weekday_before(meeting, latest):
    """KL 5 kap. 14 §: "senast vardagen närmast före sammanträdesdagen"."""
    assert rules.urgent_announcement_latest_day(meeting) == latest
    assert rules.announcement_in_time(latest, meeting, supplement=True)
    assert not rules.announcement_in_time(meeting, meeting, supplement=True)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)))
def test_the_urgent_day_is_the_nearest_weekday_before(meeting):
    latest = rules.urgent_announcement_latest_day(meeting)
    assert latest < meeting
    assert not is_deadline_free_day(latest)
    day = latest + datetime.timedelta(days=1)
    while day < meeting:
        assert is_deadline_free_day(day)
        day += datetime.timedelta(days=1)


def test_only_announced_items_may_be_decided():
    """KL 5 kap. 52 §: items not named by an announcement are flagged by number."""
    items = {10: 1, 11: 2, 12: 3, 13: 4}
    assert rules.unannounced_items({10, 11, 12, 13}, items) == []
    assert rules.unannounced_items({10, 12}, items) == [2, 4]
    assert rules.unannounced_items(set(), {}) == []


@pytest.mark.parametrize(
    ("announced", "all_present_agreed", "allowed"),
    [
        (True, False, True),  # announced under 13 or 14 §
        (True, True, True),
        (False, True, True),  # "om samtliga närvarande ledamöter beslutar det"
        (False, False, False),
    ],
)
def test_an_unannounced_item_is_decided_only_if_every_member_present_decides_so(
    announced, all_present_agreed, allowed
):
    """KL 5 kap. 52 §: only announced items are decided; an urgent one that was not may be,
    when every member present decides so."""
    assert (
        rules.may_be_decided(announced=announced, all_present_agreed=all_present_agreed) is allowed
    )


@pytest.mark.parametrize(("days", "latest"), [(7, D(2026, 12, 8)), (5, D(2026, 12, 10))])
def test_the_notice_is_due_the_organizations_days_before(days, latest):
    assert rules.notice_latest_day(D(2026, 12, 15), days) == latest


def test_the_council_notice_is_a_week():
    """KL 5 kap. 15 §: members of fullmäktige are called at least a week before."""
    assert rules.COUNCIL_NOTICE_DAYS == 7


def test_a_case_registered_after_the_meeting_is_asked_about():
    assert rules.item_predates_case(D(2020, 8, 26), D(2026, 12, 7))
    assert not rules.item_predates_case(D(2020, 8, 26), D(2020, 8, 26))
    assert not rules.item_predates_case(D(2026, 12, 15), D(2026, 12, 7))
