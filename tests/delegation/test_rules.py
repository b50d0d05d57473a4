import datetime

from hypothesis import given
from hypothesis import strategies as st

from kansli.delegation import rules

days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))


def test_urgent_decisions_are_always_reported_others_as_the_point_says():
    assert rules.must_be_reported(point_reported=False, urgent=True)
    assert rules.must_be_reported(point_reported=True, urgent=False)
    assert not rules.must_be_reported(point_reported=False, urgent=False)


def test_the_report_meeting_is_the_first_on_or_after_the_decision():
    meetings = [datetime.date(2020, 6, 10), datetime.date(2020, 8, 26), datetime.date(2020, 9, 30)]
    assert rules.report_meeting(datetime.date(2020, 6, 11), meetings) == datetime.date(2020, 8, 26)
    assert rules.report_meeting(datetime.date(2020, 8, 26), meetings) == datetime.date(2020, 8, 26)
    assert rules.report_meeting(datetime.date(2020, 10, 1), meetings) is None


@given(decided=days, meetings=st.lists(days, max_size=8))
def test_report_meeting_is_never_before_the_decision_and_none_is_skipped(decided, meetings):
    due = rules.report_meeting(decided, meetings)
    if due is None:
        assert all(day < decided for day in meetings)
    else:
        assert due >= decided
        assert due in meetings
        assert not any(decided <= day < due for day in meetings)


@given(decided=days, meetings=st.lists(days, max_size=8), today=days)
def test_late_only_once_the_due_meeting_has_been_held(decided, meetings, today):
    due = rules.report_meeting(decided, meetings)
    assert rules.report_is_late(decided, meetings, today) == (due is not None and due < today)


def test_report_line_ends_with_the_case_number_and_one_full_stop():
    assert (
        rules.report_line("Regiondirektören har fattat beslut om anställning.", "20RS6587")
        == "Regiondirektören har fattat beslut om anställning, 20RS6587."
    )
    assert rules.report_line("  Ett  meddelande  ") == "Ett meddelande."
