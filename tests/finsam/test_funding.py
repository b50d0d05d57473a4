"""The members' contributions for a year (funding.contributions), on a real database built
through the services. Expected amounts are worked out by hand from Finsam-lagen's halves and
quarters and the largest-remainder rule."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kansli.finsam import services
from kansli.finsam.funding.contributions import contributions, totals
from kansli.finsam.models import MemberKind, SplitRule

D = datetime.date

# made-up round populations; only their proportions matter
SOFINT_POPULATION = {
    "Lindesberg": 23_000,
    "Nora": 10_500,
    "Hällefors": 7_000,
    "Ljusnarsberg": 4_900,
}


def _federation(body, name, short_name, split_rule=SplitRule.POPULATION, aliases=None):
    federation = services.federation_create(
        actor=None,
        body=body,
        name=name,
        short_name=short_name,
        aliases=aliases or [],
        split_rule=split_rule,
    )
    for kind, member in [
        (MemberKind.SOCIAL_INSURANCE, "Försäkringskassan"),
        (MemberKind.EMPLOYMENT, "Arbetsförmedlingen"),
        (MemberKind.REGION, "Region Örebro län"),
    ]:
        services.federation_member_add(actor=None, federation=federation, kind=kind, name=member)
    return federation


def _municipality(federation, name, fixed_share=None):
    return services.federation_member_add(
        actor=None,
        federation=federation,
        kind=MemberKind.MUNICIPALITY,
        name=name,
        fixed_share=fixed_share,
    )


@pytest.fixture
def sofint(body):
    federation = _federation(body, "Samordningsförbundet i norra Örebro län", "SOFINT")
    for name, inhabitants in SOFINT_POPULATION.items():
        member = _municipality(federation, name)
        # the reference day for 2021 is 1 November 2020; other days must not be used
        services.population_record(
            actor=None, member=member, on=D(2020, 11, 1), inhabitants=inhabitants
        )
        services.population_record(
            actor=None, member=member, on=D(2019, 11, 1), inhabitants=inhabitants * 2
        )
        services.population_record(actor=None, member=member, on=D(2020, 12, 31), inhabitants=1)
    return federation


@pytest.fixture
def degerfors_karlskoga(body):
    federation = _federation(
        body, "Finsam Degerfors/Karlskoga", "Degerfors/Karlskoga", split_rule=SplitRule.FIXED
    )
    _municipality(federation, "Karlskoga", Decimal("0.75"))
    _municipality(federation, "Degerfors", Decimal("0.25"))
    return federation


def test_split_by_population_on_1_november_the_year_before(sofint):
    [row] = contributions(2021, {sofint: 2_000_001})
    assert (row.state, row.region, row.municipalities) == (2_000_001, 1_000_001, 1_000_000)
    assert row.total == 4_000_002
    assert row.problems == []
    # 1 000 000 kr in proportion to 45 400 inhabitants: exact 154 185.02 (Hällefors),
    # 506 607.93 (Lindesberg), 107 929.52 (Ljusnarsberg), 231 277.53 (Nora); the two
    # kronor the floors leave go to .93 and .53
    assert [(p.name, p.basis, p.amount) for p in row.split] == [
        ("Hällefors", Decimal(7_000), 154_185),
        ("Lindesberg", Decimal(23_000), 506_608),
        ("Ljusnarsberg", Decimal(4_900), 107_929),
        ("Nora", Decimal(10_500), 231_278),
    ]
    assert sum(p.amount for p in row.split) == row.municipalities


def test_split_uses_the_population_of_the_right_year(sofint):
    # for 2020 the day is 1 November 2019, when (in this made-up data) everyone was twice as
    # many: the proportions, and so the split, are the same
    [row_2020] = contributions(2020, {sofint: 2_000_001})
    [row_2021] = contributions(2021, {sofint: 2_000_001})
    assert [p.basis for p in row_2020.split] == [Decimal(2 * p.basis) for p in row_2021.split]
    assert [p.amount for p in row_2020.split] == [p.amount for p in row_2021.split]


def test_missing_population_names_the_municipality_and_the_day(body, sofint):
    nora = sofint.members.get(name="Nora")
    nora.populations.filter(on=D(2020, 11, 1)).delete()
    [row] = contributions(2021, {sofint: 2_000_001})
    assert (row.region, row.municipalities) == (1_000_001, 1_000_000)
    assert len(row.problems) == 1
    problem = row.problems[0]
    assert "Nora" in problem
    assert "2020-11-01" in problem
    assert "saknas" in problem
    for name in ("Hällefors", "Lindesberg", "Ljusnarsberg"):
        assert name not in problem
    # no municipality gets an amount from an incomplete basis
    assert all(part.amount is None for part in row.split)


def test_no_population_at_all_for_the_year(sofint):
    [row] = contributions(2023, {sofint: 2_000_000})
    [problem] = row.problems
    assert "2022-11-01" in problem
    for name in SOFINT_POPULATION:
        assert name in problem


def test_fixed_shares(degerfors_karlskoga):
    # 2019: 5,6 mnkr in all, so 2,8 mnkr from the state; the municipalities' 1,4 mnkr split
    # three to one
    [row] = contributions(2019, {degerfors_karlskoga: 2_800_000})
    assert (row.region, row.municipalities) == (1_400_000, 1_400_000)
    assert row.problems == []
    assert {p.name: (p.basis, p.amount) for p in row.split} == {
        "Karlskoga": (Decimal("0.75"), 1_050_000),
        "Degerfors": (Decimal("0.25"), 350_000),
    }


def test_fixed_shares_odd_krona(degerfors_karlskoga):
    # state 2 800 003: region 1 400 002, municipalities 1 400 001 = 1 050 000.75 + 350 000.25
    [row] = contributions(2019, {degerfors_karlskoga: 2_800_003})
    assert (row.region, row.municipalities) == (1_400_002, 1_400_001)
    assert {p.name: p.amount for p in row.split} == {"Karlskoga": 1_050_001, "Degerfors": 350_000}


def test_fixed_share_missing(degerfors_karlskoga):
    _municipality(degerfors_karlskoga, "Storfors")
    [row] = contributions(2019, {degerfors_karlskoga: 2_800_000})
    [problem] = row.problems
    assert "Storfors" in problem and "saknas" in problem
    assert "Karlskoga" not in problem


def test_a_zero_fixed_share_is_refused_so_contributions_never_divide_by_zero(body):
    federation = _federation(body, "Finsam Noll", "Noll", split_rule=SplitRule.FIXED)
    with pytest.raises(ValidationError, match="större än 0"):
        _municipality(federation, "Laxå", Decimal(0))


def test_federation_without_municipality(body):
    federation = _federation(body, "Finsam Tom", "Tom")
    [row] = contributions(2021, {federation: 1_000_000})
    assert row.split == []
    assert row.problems == ["Finsam Tom har ingen kommun som medlem."]
    assert (row.region, row.municipalities) == (500_000, 500_000)


def test_previous_year_from_the_recorded_state_allocation(sofint, degerfors_karlskoga):
    services.state_allocations_record(actor=None, year=2020, amounts={sofint: 1_900_000})
    # a recorded amount of another year is not last year's
    services.state_allocations_record(
        actor=None, year=2019, amounts={degerfors_karlskoga: 2_800_000}
    )
    rows = contributions(2021, {sofint: 2_000_001, degerfors_karlskoga: 2_700_000})
    by_name = {row.federation.short_name: row for row in rows}
    sofint_row = by_name["SOFINT"]
    assert sofint_row.previous_state == 1_900_000
    assert sofint_row.previous_region == 950_000
    assert sofint_row.change == 1_000_001 - 950_000
    other = by_name["Degerfors/Karlskoga"]
    assert other.previous_state is None
    assert other.previous_region is None
    assert other.change is None


def test_previous_year_from_an_explicit_dict(sofint):
    services.state_allocations_record(actor=None, year=2020, amounts={sofint: 1_900_000})
    [row] = contributions(2021, {sofint: 2_000_001}, previous={sofint: 1_800_001})
    # the given amounts are used, not the recorded ones: region 2020 = 900 001
    assert row.previous_region == 900_001
    assert row.change == 100_000
    [row] = contributions(2021, {sofint: 2_000_001}, previous={})
    assert row.change is None


def test_lower_amount_gives_a_negative_change(sofint):
    [row] = contributions(2021, {sofint: 1_800_000}, previous={sofint: 2_000_000})
    assert row.change == 900_000 - 1_000_000


def test_rows_are_sorted_by_name_and_totals_add_up(body, sofint, degerfors_karlskoga):
    # the county's four federations in 2019 (8; 5,6; 5,3 and 4 mnkr in all): the state paid
    # half of each, 11 450 000 kr together; all members together about 23 mnkr
    orebro = _federation(body, "Finsam Lekeberg och Örebro", "Lekeberg/Örebro")
    _municipality(orebro, "Örebro", Decimal("0.9"))
    sydnarke = _federation(body, "Samordningsförbundet Sydnärke", "Sydnärke")
    state = {
        orebro: 4_000_000,
        degerfors_karlskoga: 2_800_000,
        sydnarke: 2_650_000,
        sofint: 2_000_000,
    }
    previous = {
        orebro: 3_900_000,
        degerfors_karlskoga: 2_700_000,
        sydnarke: 2_600_000,
        sofint: 1_900_001,
    }
    rows = contributions(2020, state, previous=previous)
    names = [row.federation.name for row in rows]
    assert names[:2] == ["Finsam Degerfors/Karlskoga", "Finsam Lekeberg och Örebro"]
    assert set(names[2:]) == {
        "Samordningsförbundet i norra Örebro län",
        "Samordningsförbundet Sydnärke",
    }
    result = totals(rows)
    assert result.state == 11_450_000
    assert result.region == 5_725_000
    assert result.municipalities == 5_725_000
    assert result.state + result.region + result.municipalities == 22_900_000
    # last year: 1 950 000 + 1 350 000 + 1 300 000 + 950 001 (the odd krona to the region)
    assert result.previous_region == 5_550_001
    assert result.change == 5_725_000 - 5_550_001


def test_totals_without_every_previous_amount(sofint, degerfors_karlskoga):
    rows = contributions(
        2021, {sofint: 2_000_000, degerfors_karlskoga: 2_800_000}, previous={sofint: 1_000_000}
    )
    result = totals(rows)
    assert (result.state, result.region, result.municipalities) == (4_800_000, 2_400_000, 2_400_000)
    assert result.previous_region is None
    assert result.change is None


def test_as_dict(degerfors_karlskoga):
    [row] = contributions(2019, {degerfors_karlskoga: 2_800_000}, previous={})
    data = row.as_dict()
    assert data["federation"] == "Degerfors/Karlskoga"
    assert data["name"] == "Finsam Degerfors/Karlskoga"
    assert data["year"] == 2019
    assert (data["state_amount"], data["region_amount"], data["municipalities_amount"]) == (
        2_800_000,
        1_400_000,
        1_400_000,
    )
    assert {m["name"]: (m["basis"], m["amount"]) for m in data["municipalities"]} == {
        "Karlskoga": ("0.750000", 1_050_000),
        "Degerfors": ("0.250000", 350_000),
    }
    assert data["previous_region_amount"] is None
    assert data["change"] is None
    assert data["problems"] == []


def test_fixed_shares_that_do_not_add_up_to_one(degerfors_karlskoga):
    """Shares of 0,75 and 0,20 leave a twentieth of the quarter unpaid: no split, a problem."""
    degerfors = degerfors_karlskoga.members.get(name="Degerfors")
    degerfors.fixed_share = Decimal("0.20")
    degerfors.save()
    [row] = contributions(2019, {degerfors_karlskoga: 2_800_000})
    assert row.problems == [
        "Kommunernas fasta andelar är tillsammans 0,95, inte 1. Rätta andelarna på förbundets sida."
    ]
    assert all(part.amount is None for part in row.split)


def test_thirds_written_with_six_decimals_add_up(body):
    federation = _federation(body, "Finsam Tre", "Tre", split_rule=SplitRule.FIXED)
    for town in ("Askersund", "Laxå", "Lekeberg"):
        _municipality(federation, town, Decimal("0.333333"))
    [row] = contributions(2019, {federation: 3_000_000})
    assert row.problems == []
    assert [part.amount for part in row.split] == [500_000, 500_000, 500_000]
