"""The time-limit rules of motions and citizen proposals (KL 5 kap. 35 §, 8 kap.)."""

import datetime
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.initiatives import rules
from kansli.initiatives.rules import DeadlineState

D = datetime.date
days = st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31))


@pytest.mark.parametrize(
    ("received", "deadline"),
    [(D(2020, 9, 30), D(2021, 9, 30)), (D(2020, 2, 29), D(2021, 2, 28))],
)
def test_a_motion_is_decided_within_one_year(received, deadline):
    assert rules.decision_deadline(is_motion=True, received_on=received) == deadline


@pytest.mark.parametrize(
    ("received", "months", "deadline"),
    [
        (D(2020, 9, 30), 12, D(2021, 9, 30)),
        (D(2020, 8, 31), 6, D(2021, 2, 28)),
        (D(2023, 8, 31), 6, D(2024, 2, 29)),
        (D(2020, 1, 15), 3, D(2020, 4, 15)),
        (D(2020, 2, 29), 12, D(2021, 2, 28)),
    ],
)
def test_a_citizen_proposal_by_the_bodys_months(received, months, deadline):
    assert rules.decision_deadline(is_motion=False, received_on=received, months=months) == deadline


@given(days, st.integers(min_value=1, max_value=36))
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months):
    later = rules.add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day == day.day or (
        later.day < day.day and (later + datetime.timedelta(1)).day == 1
    )


@given(days)
def test_the_limit_is_about_a_year_later(day):
    deadline = rules.decision_deadline(is_motion=True, received_on=day)
    assert 364 <= (deadline - day).days <= 366


@given(days, days)
def test_deadline_state(deadline, today):
    state = rules.deadline_state(deadline, today, warn_days=60)
    if today > deadline:
        assert state is DeadlineState.PASSED
    elif (deadline - today).days <= 60:
        assert state is DeadlineState.NEAR
    else:
        assert state is DeadlineState.IN_TIME


def test_deadline_state_edges():
    limit = D(2021, 9, 30)
    assert rules.deadline_state(limit, D(2021, 9, 30)) is DeadlineState.NEAR  # the last day
    assert rules.deadline_state(limit, D(2021, 10, 1)) is DeadlineState.PASSED
    assert rules.deadline_state(limit, D(2021, 8, 1)) is DeadlineState.NEAR  # 60 days before
    assert rules.deadline_state(limit, D(2021, 7, 31)) is DeadlineState.IN_TIME


def test_not_prepared_within_the_limit():
    limit = D(2021, 9, 30)
    assert rules.not_prepared_within_limit(limit, None, D(2021, 10, 1))
    assert not rules.not_prepared_within_limit(limit, None, D(2021, 9, 30))
    assert not rules.not_prepared_within_limit(limit, D(2021, 9, 1), D(2021, 12, 1))
    assert rules.not_prepared_within_limit(limit, D(2022, 1, 10), D(2021, 12, 1))


def test_a_motion_may_be_written_off_once_reported_even_within_its_year():
    """KL 5 kap. 35 § 2 st.: the report is made within the year, "Fullmäktige får då
    avskriva" — at the meeting it is reported to, or later."""
    reported = D(2021, 4, 27)  # within the year of a motion of 2020-09-30
    assert rules.may_write_off(reported, D(2021, 4, 27))
    assert rules.may_write_off(reported, D(2021, 6, 15))
    assert not rules.may_write_off(reported, D(2021, 4, 26))


@given(days, days)
def test_never_written_off_without_a_report(received, decided):
    assert not rules.may_write_off(None, decided)
    # whenever it was reported, a decision on or after that day may write it off
    assert rules.may_write_off(received, decided) == (decided >= received)


@pytest.mark.parametrize("months", [0, 13, 24, -1])
def test_a_citizen_proposal_limit_beyond_the_statutes_year_is_refused(months):
    with pytest.raises(ValueError, match=r"5 kap\. 35 §"):
        rules.decision_deadline(is_motion=False, received_on=D(2021, 1, 1), months=months)


@given(days, st.integers(min_value=1, max_value=12))
def test_a_citizen_proposal_is_decided_within_the_year(received, months):
    deadline = rules.decision_deadline(is_motion=False, received_on=received, months=months)
    year = rules.decision_deadline(is_motion=True, received_on=received)
    assert received < deadline <= year
    assert (deadline == year) == (months == 12)


@given(st.lists(st.one_of(st.none(), days), min_size=1, max_size=5))
def test_step_order_problem_names_the_first_step_out_of_order(dates):
    steps = [(f"steg {n}", day) for n, day in enumerate(dates)]
    known = [d for d in dates if d is not None]
    in_order = all(a <= b for a, b in itertools.pairwise(known))
    assert (rules.step_order_problem(steps) == "") is in_order


def test_step_order_message():
    problem = rules.step_order_problem(
        [("när det kom in", D(2020, 9, 30)), ("anmälan", None), ("beslutet", D(2020, 9, 1))]
    )
    assert problem == ("Datumet för beslutet (2020-09-01) ligger före när det kom in (2020-09-30).")
