import datetime

from hypothesis import given
from hypothesis import strategies as st

from kansli.core.formatting import genitive
from kansli.elections import rules
from kansli.elections.models import VacancyReason
from kansli.people.models import OrganizationKind

days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))


def test_a_granted_seat_ends_on_the_day_of_the_decision():
    assert rules.resignation_end(datetime.date(2020, 8, 26)) == datetime.date(2020, 8, 26)


def test_the_successor_serves_the_rest_of_the_period():
    assert rules.by_election_period(datetime.date(2020, 8, 26), datetime.date(2022, 12, 31)) == (
        datetime.date(2020, 8, 26),
        datetime.date(2022, 12, 31),
    )
    assert rules.by_election_period(datetime.date(2023, 1, 1), datetime.date(2022, 12, 31)) is None


@given(decided=days, end=days)
def test_a_by_election_period_is_ordered_and_ends_with_the_seat(decided, end):
    period = rules.by_election_period(decided, end)
    if decided > end:
        assert period is None
    else:
        assert period == (decided, end)
        assert period[0] <= period[1]


def test_the_seat_ends_with_its_own_end_else_the_term():
    d1, d2 = datetime.date(2021, 6, 30), datetime.date(2022, 12, 31)
    assert rules.seat_end(d1, d2) == d1
    assert rules.seat_end(None, d2) == d2
    assert rules.seat_end(None, None) is None


def test_swedish_genitive():
    assert genitive("Patrik Rehnberg") == "Patrik Rehnbergs"
    assert genitive("Lars Nilsson") == "Lars Nilssons"
    assert genitive("Anna Mattias") == "Anna Mattias"
    assert genitive("Felix") == "Felix"
    assert genitive("") == ""


def test_names_in_running_text():
    from kansli.elections.services._common import in_running_text

    assert in_running_text("Rådet för funktionshinderfrågor i Degerfors kommun").startswith("rådet")
    assert in_running_text("Regionstyrelsen") == "regionstyrelsen"
    assert in_running_text("Region Örebro län") == "Region Örebro län"
    assert in_running_text("Länsgården Fastigheter AB") == "Länsgården Fastigheter AB"


# KL 4 kap. 7 §: a seat whose holder is no longer eligible.

INELIGIBLE, DEATH, OTHER = VacancyReason.INELIGIBLE, VacancyReason.DEATH, VacancyReason.OTHER
gaps = st.integers(min_value=1, max_value=400)


def test_the_statutes_own_cases():
    moved, meeting = datetime.date(2026, 3, 10), datetime.date(2026, 4, 20)
    # A member of fullmäktige, elected by the voters: the seat ends at once.
    assert rules.vacancy_end(moved, INELIGIBLE, by_council=False, next_council_meeting=meeting) == (
        moved
    )
    # A member of a nämnd, elected by fullmäktige: at the next council meeting, its last day.
    assert rules.vacancy_end(moved, INELIGIBLE, by_council=True, next_council_meeting=meeting) == (
        meeting
    )
    # Unless fullmäktige lets the holder keep it: the seat does not end.
    assert (
        rules.vacancy_end(
            moved, INELIGIBLE, by_council=True, next_council_meeting=meeting, kept=True
        )
        is None
    )
    # A death ends any seat at once.
    assert rules.vacancy_end(moved, DEATH, by_council=True, next_council_meeting=meeting) == moved


@given(day=days, gap=gaps, by_council=st.booleans(), kept=st.booleans())
def test_a_death_or_another_reason_ends_the_seat_that_day(day, gap, by_council, kept):
    meeting = day + datetime.timedelta(days=gap)
    for reason in (DEATH, OTHER):
        assert not rules.ends_at_council_meeting(reason, by_council=by_council)
        ended = rules.vacancy_end(
            day, reason, by_council=by_council, next_council_meeting=meeting, kept=kept
        )
        assert ended == day


@given(day=days, gap=gaps, planned=st.booleans())
def test_a_member_of_fullmaktige_loses_the_seat_at_once(day, gap, planned):
    meeting = day + datetime.timedelta(days=gap) if planned else None
    assert rules.vacancy_end(day, INELIGIBLE, by_council=False, next_council_meeting=meeting) == (
        day
    )


@given(day=days, gap=gaps)
def test_a_seat_given_by_fullmaktige_ends_at_the_next_council_meeting(day, gap):
    meeting = day + datetime.timedelta(days=gap)
    assert rules.ends_at_council_meeting(INELIGIBLE, by_council=True)
    ended = rules.vacancy_end(day, INELIGIBLE, by_council=True, next_council_meeting=meeting)
    assert ended == meeting and ended > day
    assert (
        rules.vacancy_end(day, INELIGIBLE, by_council=True, next_council_meeting=meeting, kept=True)
        is None
    )


@given(day=days)
def test_without_a_planned_council_meeting_the_last_day_is_not_known(day):
    assert rules.vacancy_end(day, INELIGIBLE, by_council=True, next_council_meeting=None) is None


def test_every_seat_but_one_in_fullmaktige_is_given_by_fullmaktige():
    assert not rules.given_by_council(OrganizationKind.COUNCIL)
    others = [kind for kind in OrganizationKind if kind != OrganizationKind.COUNCIL]
    assert others and all(rules.given_by_council(kind) for kind in others)
