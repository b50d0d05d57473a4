import datetime

from hypothesis import given
from hypothesis import strategies as st

from kansli.core.formatting import genitive
from kansli.elections import rules

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
