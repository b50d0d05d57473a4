import datetime

import pytest
from hypothesis import HealthCheck, given, settings
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


# No deadline and no speed check: on a loaded machine generation is slow, not wrong.
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


TERM = (D(2023, 1, 1), D(2026, 12, 31))


@pytest.mark.parametrize(
    ("start", "end", "inside"),
    [
        (D(2023, 1, 1), D(2026, 12, 31), True),
        (D(2024, 6, 1), None, True),  # an open end lasts until the term ends
        (D(2024, 6, 1), D(2024, 6, 1), True),
        (D(2022, 12, 31), D(2026, 12, 31), False),  # starts before the term
        (D(2023, 1, 1), D(2027, 1, 1), False),  # ends after the term
        (D(2027, 1, 1), None, False),  # starts after the term
    ],
)
def test_a_seat_of_a_term_lies_inside_it(start, end, inside):
    assert rules.period_within_term(start, end, *TERM) is inside


@pytest.mark.parametrize(
    ("orders", "duplicates", "missing"),
    [
        ([], [], []),
        ([1], [], []),
        ([3, 1, 2], [], []),
        ([1, 1, 2], [1], [3]),
        ([1, 3], [], [2]),
        ([2], [], [1]),
        ([1, 2, 2, 4], [2], [3]),
    ],
)
def test_substitute_order_faults(orders, duplicates, missing):
    assert rules.substitute_order_faults(orders) == (duplicates, missing)
    assert rules.substitute_order_is_complete(orders) is (not duplicates and not missing)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=1, max_value=12), max_size=12))
def test_an_order_is_complete_exactly_when_it_is_a_permutation_of_1_to_n(orders):
    assert rules.substitute_order_is_complete(orders) == (
        sorted(orders) == list(range(1, len(orders) + 1))
    )


@pytest.mark.parametrize(
    ("taken", "new", "allowed"),
    [
        ([], 1, True),
        ([], 2, False),  # a gap before it
        ([1, 2], 3, True),
        ([1, 2], 2, False),  # someone has it
        ([1, 3], 2, True),  # fills the gap left by one who left
        ([1, 3], 4, True),
        ([1, 3], 5, False),
        ([1], 0, False),
    ],
)
def test_a_single_new_substitute_place(taken, new, allowed):
    assert rules.substitute_order_may_be_added(taken, new) is allowed


def test_namesakes_share_full_name_and_party_however_written():
    key = rules.namesake_key("Åsa", "Öberg Lind", "S")
    assert rules.namesake_key("åsa öberg", "lind", "s") == key
    assert rules.namesake_key(" Åsa ", "Öberg  Lind", "S") == key
    assert rules.namesake_key("Åsa", "Öberg Lind", "M") != key
    assert rules.namesake_key("Åsa", "Öberg", "S") != key
    assert rules.namesake_key("Åsa", "Öberg Lind", None) != key
