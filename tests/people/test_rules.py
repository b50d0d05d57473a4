import datetime

from hypothesis import given
from hypothesis import strategies as st

from kansli.people import rules

D = datetime.date
dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))
ends = st.none() | dates


def test_period_order():
    assert rules.period_is_ordered(D(2020, 1, 1), D(2020, 1, 1))
    assert rules.period_is_ordered(D(2020, 1, 1), None)
    assert not rules.period_is_ordered(D(2020, 1, 2), D(2020, 1, 1))


def test_overlap_examples():
    assert rules.periods_overlap(D(2019, 1, 1), D(2022, 12, 31), D(2022, 12, 31), None)
    assert not rules.periods_overlap(D(2019, 1, 1), D(2020, 8, 25), D(2020, 8, 26), None)
    assert rules.periods_overlap(D(2019, 1, 1), None, D(2030, 1, 1), D(2030, 1, 2))


@given(a=dates, a_end=ends, b=dates, b_end=ends)
def test_overlap_is_symmetric_and_matches_day_by_day_definition(a, a_end, b, b_end):
    if not (rules.period_is_ordered(a, a_end) and rules.period_is_ordered(b, b_end)):
        return
    overlap = rules.periods_overlap(a, a_end, b, b_end)
    assert overlap == rules.periods_overlap(b, b_end, a, a_end)
    latest_start = max(a, b)
    assert overlap == (
        rules.is_active_on(a, a_end, latest_start) and rules.is_active_on(b, b_end, latest_start)
    )
