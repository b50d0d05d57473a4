"""The law rules around the minutes: time limits, quorum, votes, substitutes.

Expected dates are worked out by hand from the calendar, not by calling the code.
"""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.initiatives.rules import deadlines_from, motion_deadline
from kansli.minutes.rules import (
    ADJUSTMENT_DAYS,
    ADJUSTMENT_WARNING_DAYS,
    Seat,
    VoteOutcome,
    adjustment_deadline,
    adjustment_deadline_status,
    has_quorum,
    is_deadline_free_day,
    last_day_to_appeal,
    latest_posting_date,
    next_weekday,
    posting_listed_until,
    substitutes_for,
    vote_outcome,
)

D = datetime.date
DAY = datetime.timedelta(days=1)

# --- time limits -----------------------------------------------------------------------------


def test_constants():
    assert ADJUSTMENT_DAYS == 14
    assert ADJUSTMENT_WARNING_DAYS == 3


@pytest.mark.parametrize(
    ("meeting", "deadline"),
    [
        (D(2020, 8, 26), D(2020, 9, 9)),  # the corpus's meeting: Wed -> Wed
        (D(2020, 12, 17), D(2020, 12, 31)),  # nyårsafton: not moved
        (D(2021, 6, 12), D(2021, 6, 26)),  # midsommardagen, a Saturday: not moved
        (D(2024, 2, 20), D(2024, 3, 5)),  # across a leap day
    ],
)
def test_adjustment_deadline(meeting, deadline):
    assert adjustment_deadline(meeting) == deadline


def test_adjustment_deadline_other_number_of_days():
    assert adjustment_deadline(D(2020, 8, 26), days=7) == D(2020, 9, 2)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (D(2020, 9, 1), "ok"),
        (D(2020, 9, 5), "ok"),  # four days left
        (D(2020, 9, 6), "nära"),  # three days left
        (D(2020, 9, 8), "nära"),
        (D(2020, 9, 9), "nära"),  # the day itself
        (D(2020, 9, 10), "passerad"),
        (D(2021, 1, 1), "passerad"),
    ],
)
def test_adjustment_deadline_status(today, status):
    assert adjustment_deadline_status(today, D(2020, 9, 9)) == status


def test_adjustment_deadline_status_other_warning():
    assert adjustment_deadline_status(D(2020, 9, 2), D(2020, 9, 9), warn_days=7) == "nära"
    assert adjustment_deadline_status(D(2020, 9, 1), D(2020, 9, 9), warn_days=7) == "ok"
    assert adjustment_deadline_status(D(2020, 9, 8), D(2020, 9, 9), warn_days=0) == "ok"
    assert adjustment_deadline_status(D(2020, 9, 9), D(2020, 9, 9), warn_days=0) == "nära"


@pytest.mark.parametrize(
    ("adjusted", "latest"),
    [
        (D(2020, 9, 9), D(2020, 9, 11)),
        (D(2020, 12, 30), D(2021, 1, 1)),  # nyårsdagen: not moved
        (D(2024, 2, 28), D(2024, 3, 1)),
    ],
)
def test_latest_posting_date(adjusted, latest):
    assert latest_posting_date(adjusted) == latest


@pytest.mark.parametrize(
    ("day", "free"),
    [
        (D(2020, 9, 22), False),  # Tuesday
        (D(2020, 9, 26), True),  # Saturday
        (D(2020, 9, 27), True),  # Sunday
        (D(2020, 1, 1), True),  # nyårsdagen
        (D(2020, 1, 6), True),  # trettondedag jul, a Monday
        (D(2021, 4, 1), False),  # skärtorsdagen is a weekday
        (D(2021, 4, 2), True),  # långfredagen
        (D(2021, 4, 5), True),  # annandag påsk
        (D(2020, 5, 1), True),  # första maj, a Friday
        (D(2024, 5, 9), True),  # Kristi himmelsfärdsdag
        (D(2024, 5, 10), False),  # the Friday after
        (D(2024, 6, 6), True),  # nationaldagen, a Thursday
        (D(2004, 6, 7), False),  # 6 June 2004 a Sunday; nationaldagen a holiday from 2005
        (D(1995, 6, 5), True),  # annandag pingst, a holiday until 2004
        (D(2020, 6, 19), True),  # midsommarafton 2020
        (D(2021, 6, 24), False),  # the Thursday before midsommarafton
        (D(2021, 6, 25), True),  # midsommarafton 2021
        (D(2024, 6, 21), True),  # midsommarafton 2024
        (D(2026, 6, 19), True),  # midsommarafton 2026, the earliest possible date
        (D(2027, 6, 25), True),  # midsommarafton 2027, the latest possible date
        (D(2027, 6, 18), False),  # a Friday, but not midsommarafton
        (D(2020, 12, 23), False),
        (D(2020, 12, 24), True),  # julafton, a Thursday
        (D(2020, 12, 25), True),  # juldagen
        (D(2020, 12, 28), False),
        (D(2020, 12, 31), True),  # nyårsafton, a Thursday
        (D(2024, 11, 1), False),  # a Friday; alla helgons dag is Saturday 2 November
        (D(2024, 11, 2), True),
    ],
)
def test_is_deadline_free_day(day, free):
    assert is_deadline_free_day(day) is free


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (D(2020, 9, 22), D(2020, 9, 22)),
        (D(2020, 9, 26), D(2020, 9, 28)),
        (D(2020, 12, 24), D(2020, 12, 28)),
        (D(2020, 12, 31), D(2021, 1, 4)),
        (D(2021, 4, 2), D(2021, 4, 6)),
    ],
)
def test_next_weekday(day, weekday):
    assert next_weekday(day) == weekday


@pytest.mark.parametrize(
    ("posted", "last_day"),
    [
        (D(2020, 9, 1), D(2020, 9, 22)),  # Tue + 21 = Tue, an ordinary day
        (D(2020, 9, 11), D(2020, 10, 2)),  # the corpus's latest posting: Fri -> Fri
        (D(2020, 9, 5), D(2020, 9, 28)),  # ends Saturday 26 Sep -> Monday
        (D(2020, 9, 6), D(2020, 9, 28)),  # ends Sunday 27 Sep -> Monday
        # Easter 2021: långfredagen 2 Apr, påskafton 3, påskdagen 4, annandag påsk 5 Apr.
        (D(2021, 3, 11), D(2021, 4, 1)),  # ends skärtorsdagen: a weekday, stays
        (D(2021, 3, 12), D(2021, 4, 6)),  # ends långfredagen
        (D(2021, 3, 13), D(2021, 4, 6)),  # ends påskafton
        (D(2021, 3, 14), D(2021, 4, 6)),  # ends påskdagen
        (D(2021, 3, 15), D(2021, 4, 6)),  # ends annandag påsk
        (D(2020, 4, 10), D(2020, 5, 4)),  # ends första maj (Fri) -> Mon 4 May
        (D(2021, 6, 4), D(2021, 6, 28)),  # ends midsommarafton Fri 25 Jun -> Mon 28 Jun
        (D(2020, 12, 3), D(2020, 12, 28)),  # ends julafton Thu -> Mon 28 Dec
        (D(2020, 12, 4), D(2020, 12, 28)),  # ends juldagen Fri
        (D(2020, 12, 5), D(2020, 12, 28)),  # ends annandag jul Sat
        (D(2020, 12, 10), D(2021, 1, 4)),  # ends nyårsafton Thu -> Mon 4 Jan 2021
        (D(2025, 12, 3), D(2025, 12, 29)),  # ends julafton Wed: five free days -> Mon 29 Dec
        (D(2024, 5, 16), D(2024, 6, 7)),  # ends nationaldagen Thu 6 Jun -> Fri
        (D(2024, 4, 18), D(2024, 5, 10)),  # ends Kristi himmelsfärdsdag Thu 9 May -> Fri
        (D(1995, 5, 15), D(1995, 6, 6)),  # ends annandag pingst 1995 -> Tue 6 Jun (no holiday)
    ],
)
def test_last_day_to_appeal(posted, last_day):
    assert last_day_to_appeal(posted) == last_day
    assert posting_listed_until(posted) == last_day


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (D(2023, 3, 15), D(2024, 3, 15)),
        (D(2023, 2, 28), D(2024, 2, 28)),
        (D(2020, 2, 29), D(2021, 2, 28)),  # leap day -> 28 February
        (D(2020, 12, 26), D(2021, 12, 26)),  # a Sunday: not moved
    ],
)
def test_motion_deadline(received, deadline):
    assert motion_deadline(received) == deadline


def test_deadlines_from_a_meeting():
    # 2020-08-26 + 14 = Wed 9 Sep; + 2 = Fri 11 Sep; + 21 = Fri 2 Oct, an ordinary day.
    assert deadlines_from(meeting_date=D(2020, 8, 26)) == {
        "adjustment_deadline": D(2020, 9, 9),
        "latest_posting": D(2020, 9, 11),
        "last_day_to_appeal": D(2020, 10, 2),
    }


def test_deadlines_from_a_meeting_before_christmas():
    # 2020-12-08 + 14 = Tue 22 Dec; + 2 = julafton (not moved); + 21 = Thu 14 Jan 2021.
    assert deadlines_from(meeting_date=D(2020, 12, 8)) == {
        "adjustment_deadline": D(2020, 12, 22),
        "latest_posting": D(2020, 12, 24),
        "last_day_to_appeal": D(2021, 1, 14),
    }


def test_deadlines_from_a_posting_and_a_motion():
    assert deadlines_from(posting_date=D(2020, 12, 3)) == {
        "last_day_to_appeal": D(2020, 12, 28),
        "listed_until": D(2020, 12, 28),
    }
    assert deadlines_from(motion_received=D(2020, 2, 29)) == {"motion_deadline": D(2021, 2, 28)}
    assert deadlines_from() == {}


def test_deadlines_from_the_posting_wins_over_the_meeting():
    limits = deadlines_from(meeting_date=D(2020, 8, 26), posting_date=D(2020, 9, 1))
    assert limits["adjustment_deadline"] == D(2020, 9, 9)
    assert limits["last_day_to_appeal"] == D(2020, 9, 22)
    assert limits["listed_until"] == D(2020, 9, 22)


days_1995_2060 = st.dates(min_value=D(1995, 1, 1), max_value=D(2060, 12, 31))


@given(days_1995_2060)
def test_last_day_to_appeal_properties(posted):
    last_day = last_day_to_appeal(posted)
    earliest = posted + datetime.timedelta(days=21)
    assert not is_deadline_free_day(last_day)
    assert last_day >= earliest
    day = earliest
    while day < last_day:
        assert is_deadline_free_day(day)
        day += DAY
    # The longest run of deadline-free days is five: julafton on a Wednesday to the Sunday.
    assert (last_day - earliest).days <= 5


@given(days_1995_2060)
def test_next_weekday_is_idempotent(day):
    weekday = next_weekday(day)
    assert next_weekday(weekday) == weekday
    assert weekday >= day
    assert (weekday == day) is not is_deadline_free_day(day)


@given(st.integers(min_value=1995, max_value=2060))
def test_eves_are_deadline_free_every_year(year):
    assert is_deadline_free_day(D(year, 12, 24))
    assert is_deadline_free_day(D(year, 12, 31))
    fridays = [D(year, 6, d) for d in range(19, 26) if D(year, 6, d).weekday() == 4]
    assert len(fridays) == 1
    assert is_deadline_free_day(fridays[0])


# --- quorum and votes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "seats", "quorum"),
    [
        (8, 15, True),
        (7, 15, False),
        (15, 15, True),
        (2, 3, True),
        (1, 2, False),
        (2, 2, True),
        (6, 11, True),
        (5, 11, False),
        (0, 0, False),
        (3, 0, False),
        (3, -1, False),
    ],
)
def test_has_quorum(present, seats, quorum):
    assert has_quorum(present, seats) is quorum


@pytest.mark.parametrize(
    ("args", "kwargs", "outcome"),
    [
        ((8, 7), {}, VoteOutcome("ja", casting_used=False, by_lot=False)),
        ((7, 8), {}, VoteOutcome("nej", casting_used=False, by_lot=False)),
        ((8, 7), {"casting": "nej"}, VoteOutcome("ja", casting_used=False, by_lot=False)),
        ((1, 0), {"election": True, "lot": "nej"}, VoteOutcome("ja", False, False)),
        ((0, 0), {}, VoteOutcome("lika", casting_used=False, by_lot=False)),
        ((7, 7), {}, VoteOutcome("lika", casting_used=False, by_lot=False)),
        ((7, 7), {"casting": "ja"}, VoteOutcome("ja", casting_used=True, by_lot=False)),
        ((7, 7), {"casting": "nej"}, VoteOutcome("nej", casting_used=True, by_lot=False)),
        # Open vote: a lot is not how a tie is broken.
        ((7, 7), {"lot": "ja"}, VoteOutcome("lika", casting_used=False, by_lot=False)),
        ((7, 7), {"election": True}, VoteOutcome("lika", casting_used=False, by_lot=False)),
        ((7, 7), {"election": True, "lot": "ja"}, VoteOutcome("ja", False, by_lot=True)),
        ((7, 7), {"election": True, "lot": "nej"}, VoteOutcome("nej", False, by_lot=True)),
        # Election: the chair has no casting vote.
        ((7, 7), {"election": True, "casting": "ja"}, VoteOutcome("lika", False, False)),
    ],
)
def test_vote_outcome(args, kwargs, outcome):
    assert vote_outcome(*args, **kwargs) == outcome


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((-1, 3), {}),
        ((3, -1), {}),
        ((3, 3), {"casting": "Ja"}),
        ((3, 3), {"casting": "yes"}),
        ((3, 4), {"lot": "kanske"}),
        ((3, 3), {"election": True, "lot": "x"}),
    ],
)
def test_vote_outcome_rejects_bad_input(args, kwargs):
    with pytest.raises(ValueError):
        vote_outcome(*args, **kwargs)


def test_vote_outcome_is_frozen():
    outcome = vote_outcome(1, 0)
    with pytest.raises(AttributeError):
        outcome.result = "nej"  # type: ignore[misc]


# --- substitutes -----------------------------------------------------------------------------


def test_own_party_substitute_first_in_order():
    absent = [Seat(1, "S", 1)]
    available = [Seat(10, "M", 1), Seat(11, "S", 2), Seat(12, "S", 1)]
    assert substitutes_for(absent, available, ["M", "S"]) == {1: 12}


def test_cross_party_in_party_order():
    absent = [Seat(1, "S", 1)]
    available = [Seat(20, "V", 1), Seat(21, "M", 2), Seat(22, "M", 1)]
    assert substitutes_for(absent, available, ["M", "V"]) == {1: 22}
    assert substitutes_for(absent, available, ["V", "M"]) == {1: 20}


def test_parties_outside_the_order_come_after_it_alphabetically():
    absent = [Seat(1, "S", 1), Seat(2, "S", 2), Seat(3, "S", 3)]
    available = [Seat(30, "V", 1), Seat(31, "C", 1), Seat(32, "M", 1)]
    assert substitutes_for(absent, available, ["M"]) == {1: 32, 2: 31, 3: 30}


def test_absentees_are_taken_in_seat_order():
    absent = [Seat(2, "S", 5), Seat(1, "S", 2)]
    available = [Seat(10, "S", 1)]
    assert substitutes_for(absent, available, ["S"]) == {1: 10, 2: None}


def test_own_party_assignments_before_any_cross_party_one():
    # Member 1 (S) sits before member 2 (M). One pass would give M's substitute to member 1
    # and leave member 2 with a V substitute; two passes give member 2 their own.
    absent = [Seat(1, "S", 1), Seat(2, "M", 2)]
    available = [Seat(10, "M", 1), Seat(20, "V", 1)]
    assert substitutes_for(absent, available, ["M", "V", "S"]) == {1: 20, 2: 10}


def test_each_substitute_serves_once_and_none_when_none_left():
    absent = [Seat(1, "S", 1), Seat(2, "S", 2), Seat(3, "M", 3)]
    available = [Seat(10, "S", 1), Seat(10, "S", 1)]  # listed twice: still one person
    assert substitutes_for(absent, available, ["S", "M"]) == {1: 10, 2: None, 3: None}


def test_no_one_absent_or_no_substitutes():
    assert substitutes_for([], [Seat(10, "S", 1)], ["S"]) == {}
    assert substitutes_for([Seat(1, "S", 1)], [], []) == {1: None}


PARTIES = ["S", "M", "V", "C", "KD"]


@st.composite
def seating(draw):
    n_absent = draw(st.integers(min_value=0, max_value=8))
    n_available = draw(st.integers(min_value=0, max_value=8))
    ids = draw(
        st.lists(
            st.integers(min_value=1, max_value=1000),
            min_size=n_absent + n_available,
            max_size=n_absent + n_available,
            unique=True,
        )
    )
    party = st.sampled_from(PARTIES)
    order = st.integers(min_value=1, max_value=5)
    absent = [Seat(i, draw(party), draw(order)) for i in ids[:n_absent]]
    available = [Seat(i, draw(party), draw(order)) for i in ids[n_absent:]]
    party_order = draw(st.permutations(PARTIES))[: draw(st.integers(0, len(PARTIES)))]
    return absent, available, list(party_order)


@given(seating())
def test_substitutes_properties(case):
    absent, available, party_order = case
    result = substitutes_for(absent, available, party_order)
    party_of = {seat.person: seat.party for seat in available}

    assert set(result) == {seat.person for seat in absent}
    used = [sub for sub in result.values() if sub is not None]
    assert len(used) == len(set(used))  # no substitute serves twice
    assert set(used) <= set(party_of)
    assert len(used) == min(len(absent), len(available))
    for party in PARTIES:
        members = [seat for seat in absent if seat.party == party]
        own_available = [seat for seat in available if seat.party == party]
        own_used = [m for m in members if party_of.get(result[m.person]) == party]
        # Own-party substitutes are preferred whenever available.
        assert len(own_used) == min(len(members), len(own_available))
    # Deterministic, whatever order the lists come in.
    assert substitutes_for(absent[::-1], available[::-1], party_order) == result


# The statute's own cases (LAW-VERIFIED.md rows 4, 8 and 11).


def test_a_council_of_101_needs_51_present_to_handle_an_item():
    """KL 5 kap. 45 §: "bara om mer än hälften av ledamöterna är närvarande"."""
    from kansli.minutes.rules import has_quorum

    assert has_quorum(51, 101) and not has_quorum(50, 101)
    assert has_quorum(6, 11) and not has_quorum(5, 11)  # a nämnd, KL 6 kap. 27 §


def test_a_tie_in_an_employment_is_drawn_by_lot_like_an_election():
    """KL 5 kap. 56 §: the casting vote, but lots "i ärenden som avser val eller anställning
    av personal"; `election=True` stands for both."""
    from kansli.minutes.rules import vote_outcome

    employment = vote_outcome(7, 7, casting="ja", election=True, lot="nej")
    assert employment.result == "nej" and employment.by_lot and not employment.casting_used
    ordinary = vote_outcome(7, 7, casting="ja", election=False, lot="nej")
    assert ordinary.result == "ja" and ordinary.casting_used and not ordinary.by_lot


def test_only_a_member_who_took_part_may_reserve():
    """KL 4 kap. 27 §: "En ledamot som har deltagit i avgörandet … får reservera sig"."""
    from kansli.minutes.rules import may_reserve

    assert may_reserve(took_part=True)
    assert not may_reserve(took_part=False)
