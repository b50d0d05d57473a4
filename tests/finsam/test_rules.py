"""The Finsam law rules: the 5 § split, the largest-remainder rule, the reference day of the
population, the board's term of office and the day a förbundsordning takes effect.

Expected values are worked out by hand (or with exact fractions), never by calling the code.
"""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.finsam import rules
from kansli.finsam.rules import (
    MUNICIPALITIES_SHARE,
    REGION_SHARE,
    STATE_SHARE,
    board_term,
    charter_in_force,
    largest_remainder,
    member_contributions,
    municipal_split,
    population_reference_date,
    total_allocation,
)

D = datetime.date

# --- largest remainder -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        # 10/3 = 3.33 each: floors 3+3+3, the krona left goes to the first of the equal ties
        (10, [("a", 1), ("b", 1), ("c", 1)], {"a": 4, "b": 3, "c": 3}),
        # 33.33 and 66.67: the larger remainder (b's 0.67) gets the krona left
        (100, [("a", 1), ("b", 2)], {"a": 33, "b": 67}),
        (7, [("a", 1), ("b", 1)], {"a": 4, "b": 3}),
        (0, [("a", 1), ("b", 2)], {"a": 0, "b": 0}),
        (5, [("a", 0), ("b", 1)], {"a": 0, "b": 5}),
        # 1/6, 2/6, 3/6 of 1 000 001: 166 666.83, 333 333.67, 500 000.5
        # floors 166 666 + 333 333 + 500 000 = 999 999, two left: to 0.83 and 0.67
        (1_000_001, [("a", 1), ("b", 2), ("c", 3)], {"a": 166_667, "b": 333_334, "c": 500_000}),
        # fixed shares with decimals, as a förbundsordning writes them
        (
            2_800_000,
            [("Karlskoga", Decimal("0.75")), ("Degerfors", Decimal("0.25"))],
            {"Karlskoga": 2_100_000, "Degerfors": 700_000},
        ),
    ],
)
def test_largest_remainder_table(total, weights, expected):
    weights = [(key, Decimal(weight)) for key, weight in weights]
    assert largest_remainder(total, weights) == expected


def test_largest_remainder_ties_go_to_the_earlier_entry_whatever_the_keys():
    one = Decimal(1)
    assert largest_remainder(1, [("a", one), ("b", one)]) == {"a": 1, "b": 0}
    assert largest_remainder(1, [("b", one), ("a", one)]) == {"b": 1, "a": 0}
    assert largest_remainder(2, [("z", one), ("y", one), ("x", one)]) == {"z": 1, "y": 1, "x": 0}


def test_largest_remainder_is_deterministic():
    weights = [(name, Decimal(7)) for name in ("Askersund", "Hallsberg", "Kumla", "Laxå")]
    first = largest_remainder(1_000_003, weights)
    assert all(largest_remainder(1_000_003, weights) == first for _ in range(5))
    assert first == {"Askersund": 250_001, "Hallsberg": 250_001, "Kumla": 250_001, "Laxå": 250_000}


@pytest.mark.parametrize(
    ("total", "weights"),
    [
        (-1, [("a", Decimal(1))]),
        (10, []),
        (10, [("a", Decimal(1)), ("b", Decimal(-1))]),
        (10, [("a", Decimal(0)), ("b", Decimal(0))]),
        (10, [("a", Decimal(0))]),
    ],
    ids=["negative total", "empty", "negative weight", "all zero", "single zero"],
)
def test_largest_remainder_refuses(total, weights):
    with pytest.raises(ValueError):
        largest_remainder(total, weights)


weight_lists = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=8).filter(
    lambda ws: any(ws)
)


def _check_split(total: int, weights: list[Fraction], parts: list[int]) -> None:
    whole = sum(weights, Fraction(0))
    assert sum(parts) == total
    for weight, part in zip(weights, parts, strict=True):
        exact = total * weight / whole
        assert part >= 0
        assert abs(part - exact) < 1
        # Hamilton: each part is its exact share rounded down or up
        assert part in (exact.__floor__(), exact.__ceil__())


@given(total=st.integers(min_value=0, max_value=10**12), weights=weight_lists)
def test_largest_remainder_adds_up_and_stays_within_a_krona(total, weights):
    result = largest_remainder(total, [(i, Decimal(w)) for i, w in enumerate(weights)])
    assert list(result) == list(range(len(weights)))
    _check_split(total, [Fraction(w) for w in weights], [result[i] for i in range(len(weights))])


share_lists = st.lists(
    st.decimals(min_value=0, max_value=1, places=6, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=8,
).filter(lambda ws: any(ws))


@given(total=st.integers(min_value=0, max_value=10**12), shares=share_lists)
def test_largest_remainder_with_fixed_shares(total, shares):
    result = largest_remainder(total, list(enumerate(shares)))
    _check_split(total, [Fraction(s) for s in shares], [result[i] for i in range(len(shares))])


@given(total=st.integers(min_value=0, max_value=10**9), weights=weight_lists)
def test_largest_remainder_larger_weight_never_gets_less(total, weights):
    result = largest_remainder(total, [(i, Decimal(w)) for i, w in enumerate(weights)])
    for i, wi in enumerate(weights):
        for j, wj in enumerate(weights):
            if wi > wj or (wi == wj and i < j):
                assert result[i] >= result[j]


# --- Finsam-lagen 5 §: the state half, the region a quarter, the municipalities a quarter ------


def test_shares_of_the_law():
    assert Decimal("0.5") == STATE_SHARE
    assert Decimal("0.25") == REGION_SHARE
    assert Decimal("0.25") == MUNICIPALITIES_SHARE
    assert STATE_SHARE + REGION_SHARE + MUNICIPALITIES_SHARE == 1


@pytest.mark.parametrize(
    ("state", "region", "municipalities"),
    [
        (0, 0, 0),
        (1, 1, 0),  # the odd krona to the region
        (2, 1, 1),
        (3, 2, 1),
        (400_000, 200_000, 200_000),  # the base allocation of the state's model
        (4_000_000, 2_000_000, 2_000_000),  # SOFINT 2019: 4 mnkr in all ⇒ 2 mnkr from the state
        (2_000_001, 1_000_001, 1_000_000),
        # 2020: the four federations received 22 794 000 kr in all, the state half of it
        (11_397_000, 5_698_500, 5_698_500),
    ],
)
def test_member_contributions_table(state, region, municipalities):
    assert member_contributions(state) == (region, municipalities)


def test_total_allocation_of_the_county_2020():
    # the review: 22 794 000 kr from the members in 2020, of which the state paid half
    assert total_allocation(11_397_000) == 22_794_000


@given(st.integers(min_value=0, max_value=10**12))
def test_member_contributions_follow_the_law(state):
    region, municipalities = member_contributions(state)
    assert region + municipalities == state
    # the region pays half the state's amount, rounded; the odd krona is the region's
    assert region == (state + 1) // 2
    assert municipalities == state // 2
    assert region - municipalities in (0, 1)
    total = total_allocation(state)
    assert total == 2 * state
    assert total == state + region + municipalities
    # state half, region a quarter, municipalities a quarter (each within a krona)
    assert Fraction(state, 1) == Fraction(total, 2)
    assert abs(region - Fraction(total, 4)) <= Fraction(1, 2)
    assert abs(municipalities - Fraction(total, 4)) <= Fraction(1, 2)


def test_member_contributions_refuse_a_negative_amount():
    with pytest.raises(ValueError):
        member_contributions(-1)


# --- the municipalities' quarter between them ---------------------------------------------------


def test_municipal_split_by_population_by_hand():
    # SOFINT's four municipalities with made-up round populations (45 400 in all), splitting
    # 1 000 000 kr: exact shares 506 607.93, 231 277.53, 154 185.02, 107 929.52; floors add
    # up to 999 998, the two kronor left go to the two largest remainders (.93 and .53)
    split = municipal_split(
        1_000_000, {"Lindesberg": 23_000, "Nora": 10_500, "Hällefors": 7_000, "Ljusnarsberg": 4_900}
    )
    assert split == {
        "Lindesberg": 506_608,
        "Nora": 231_278,
        "Hällefors": 154_185,
        "Ljusnarsberg": 107_929,
    }
    assert sum(split.values()) == 1_000_000


def test_municipal_split_takes_int_and_decimal_weights():
    assert municipal_split(1_000, {"a": 1, "b": Decimal("1")}) == {"a": 500, "b": 500}
    assert municipal_split(1_001, {"a": Decimal("0.5"), "b": 1}) == {"a": 334, "b": 667}


def test_municipal_split_single_municipality_gets_it_all():
    assert municipal_split(1_234_567, {"Lekeberg": 7_500}) == {"Lekeberg": 1_234_567}


@given(
    total=st.integers(min_value=0, max_value=10**10),
    populations=st.dictionaries(
        st.text(min_size=1, max_size=12), st.integers(min_value=1, max_value=2_000_000), min_size=1
    ),
)
def test_municipal_split_adds_up_and_is_proportional(total, populations):
    split = municipal_split(total, populations)
    assert set(split) == set(populations)
    names = list(populations)
    _check_split(total, [Fraction(populations[n]) for n in names], [split[n] for n in names])
    # doubling every population changes nothing
    assert municipal_split(total, {n: 2 * p for n, p in populations.items()}) == split


# --- the reference day of the population ----------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "day"),
    [(2021, D(2020, 11, 1)), (2020, D(2019, 11, 1)), (2004, D(2003, 11, 1))],
)
def test_population_reference_date(year, day):
    assert population_reference_date(year) == day


@given(st.integers(min_value=2004, max_value=2200))
def test_population_reference_date_is_1_november_of_the_year_before(year):
    day = population_reference_date(year)
    assert (day.year, day.month, day.day) == (year - 1, 11, 1)


# --- the board's term: four years from 1 April after the general election -------------------------
# General elections (second Sunday of September): 2006, 2010, 2014, 2018, 2022, 2026, 2030.


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        (D(2023, 5, 15), D(2023, 4, 1), D(2027, 3, 31)),
        (D(2023, 4, 1), D(2023, 4, 1), D(2027, 3, 31)),
        (D(2023, 3, 31), D(2019, 4, 1), D(2023, 3, 31)),
        (D(2022, 12, 1), D(2019, 4, 1), D(2023, 3, 31)),
        (D(2022, 9, 11), D(2019, 4, 1), D(2023, 3, 31)),  # election day 2022
        (D(2022, 1, 1), D(2019, 4, 1), D(2023, 3, 31)),
        # 2026 is an election year: until 31 March 2027 the 2023–2027 board sits
        (D(2026, 4, 1), D(2023, 4, 1), D(2027, 3, 31)),
        (D(2026, 9, 13), D(2023, 4, 1), D(2027, 3, 31)),  # election day 2026
        (D(2026, 12, 31), D(2023, 4, 1), D(2027, 3, 31)),
        (D(2027, 3, 31), D(2023, 4, 1), D(2027, 3, 31)),
        (D(2027, 4, 1), D(2027, 4, 1), D(2031, 3, 31)),
        (D(2030, 1, 1), D(2027, 4, 1), D(2031, 3, 31)),
        (D(2020, 8, 26), D(2019, 4, 1), D(2023, 3, 31)),  # the corpus's meeting
        (D(2019, 3, 31), D(2015, 4, 1), D(2019, 3, 31)),
        (D(2019, 4, 1), D(2019, 4, 1), D(2023, 3, 31)),
        (D(2010, 10, 1), D(2007, 4, 1), D(2011, 3, 31)),
        (D(2024, 2, 29), D(2023, 4, 1), D(2027, 3, 31)),  # a leap day
    ],
)
def test_board_term_table(day, start, end):
    assert board_term(day) == (start, end)


@given(st.dates(min_value=D(2004, 1, 1), max_value=D(2100, 12, 31)))
def test_board_term_properties(day):
    start, end = board_term(day)
    assert start <= day <= end
    assert (start.month, start.day) == (4, 1)
    assert (end.year, end.month, end.day) == (start.year + 4, 3, 31)
    # it starts the year after an election year (2022 and every fourth year around it)
    assert (start.year - 1 - 2022) % 4 == 0
    # terms follow each other without a gap
    assert board_term(end + datetime.timedelta(days=1))[0] == end + datetime.timedelta(days=1)
    assert board_term(start - datetime.timedelta(days=1))[1] == start - datetime.timedelta(days=1)


# --- the day a förbundsordning takes effect -------------------------------------------------------

MEMBERS = ["Försäkringskassan", "Arbetsförmedlingen", "Region Örebro län", "Lindesberg", "Nora"]


def test_charter_not_in_force_until_every_member_has_adopted():
    adoptions = {
        "Region Örebro län": D(2020, 9, 16),
        "Lindesberg": D(2020, 10, 26),
        "Nora": D(2020, 9, 30),
        "Försäkringskassan": D(2020, 10, 5),
    }
    assert charter_in_force(MEMBERS, adoptions) is None
    assert charter_in_force(MEMBERS, {}) is None
    adoptions["Arbetsförmedlingen"] = D(2020, 10, 1)
    # the last adoption (Lindesberg) is the day it takes effect, whatever the order given
    assert charter_in_force(MEMBERS, adoptions) == D(2020, 10, 26)
    assert charter_in_force(list(reversed(MEMBERS)), adoptions) == D(2020, 10, 26)


def test_charter_adoptions_of_others_do_not_count():
    adoptions = {"Lindesberg": D(2020, 10, 26), "Hällefors": D(2021, 1, 1)}
    assert charter_in_force(["Lindesberg"], adoptions) == D(2020, 10, 26)
    assert charter_in_force(["Lindesberg", "Nora"], adoptions) is None


def test_charter_without_members_is_not_in_force():
    assert charter_in_force([], {"Nora": D(2020, 1, 1)}) is None


@given(
    st.dictionaries(
        st.sampled_from(MEMBERS),
        st.dates(min_value=D(2004, 1, 1), max_value=D(2100, 1, 1)),
    )
)
def test_charter_in_force_property(adoptions):
    result = charter_in_force(MEMBERS, adoptions)
    if set(adoptions) == set(MEMBERS):
        assert result == max(adoptions.values())
        assert all(day <= result for day in adoptions.values())
    else:
        assert result is None


@pytest.mark.parametrize(
    ("shares", "ok"),
    [
        (["0.75", "0.25"], True),
        (["0.333333", "0.333333", "0.333333"], True),
        (["0.5", "0.4"], False),
        (["0.6", "0.6"], False),
        ([], False),
    ],
)
def test_fixed_shares_add_up_to_one(shares, ok):
    problem = rules.fixed_shares_sum_problem([Decimal(s) for s in shares])
    assert (problem == "") is ok
