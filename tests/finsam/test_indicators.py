"""The comparable indicators against values worked out by hand from the 2020 review of the
county's four federations (corpus 003, "Samordningsförbunden inom Örebro län –
Förbundsmedlemmarnas genomlysning av verksamheten"). No database: a plain dataclass carries
the figures.

Where the review gives only a rounded share, the count behind it is inferred (e.g. 8,3 % of
Sydnärke's target group of 1 576 ⇒ 131 participants) and the test checks that the indicator
gives back the review's rounded share.
"""

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

import pytest

from kansli.finsam.follow_up import indicators
from kansli.finsam.follow_up.indicators import BY_KEY, INDICATORS, TARGET_GROUP_SHARE


@dataclass
class Figures:
    year: int = 2019
    member_contributions: int | None = None
    cost_individual: int | None = None
    cost_structural: int | None = None
    cost_administration: int | None = None
    participants: int | None = None
    participants_new: int | None = None
    participants_ended: int | None = None
    ended_to_work_or_studies: int | None = None
    ended_ready_for_regular: int | None = None
    population_16_64: int | None = None


def one_decimal(value: Decimal | None) -> Decimal:
    assert value is not None
    return value.quantize(Decimal("0.1"))


def whole(value: Decimal | None) -> Decimal:
    assert value is not None
    return value.quantize(Decimal(1))


# --- administration's share of the allocation (review 7.1, 2019) --------------------------------


@pytest.mark.parametrize(
    ("federation", "administration", "allocation", "exact", "review_percent"),
    [
        # 1 552 tkr of 8 mnkr = 19,4 %, the review: 19 %
        ("Lekeberg/Örebro", 1_552_000, 8_000_000, "19.400000", 19),
        # 1 373 tkr of 4 mnkr = 34,325 %, the review: 34 %
        ("SOFINT", 1_373_000, 4_000_000, "34.325000", 34),
        # 1 342 tkr of 5,3 mnkr = 25,3207547… %, the review: 25 %
        ("Sydnärke", 1_342_000, 5_300_000, "25.320755", 25),
    ],
)
def test_administration_share(federation, administration, allocation, exact, review_percent):
    f = Figures(cost_administration=administration, member_contributions=allocation)
    value = indicators.administration_share(f)
    assert value is not None
    assert value.quantize(Decimal("0.000001")) == Decimal(exact)
    assert whole(value) == review_percent
    assert BY_KEY["administration_share"].compute(f) == value


# --- the target group: 5 % of the population aged 16–64 (Bilaga 1) --------------------------------


@pytest.mark.parametrize(
    ("population", "target"),
    [
        (31_520, 1_576),  # Sydnärke
        (23_140, 1_157),  # Degerfors/Karlskoga
        (25_940, 1_297),  # SOFINT
        (101_560, 5_078),  # Lekeberg/Örebro
        (182_807, Decimal("9140.35")),  # the county 2019 (the review rounds to 9 100)
    ],
)
def test_target_group(population, target):
    value = indicators.target_group(Figures(population_16_64=population))
    assert value == Decimal(target)
    assert Decimal("0.05") == TARGET_GROUP_SHARE


@pytest.mark.parametrize(
    ("population", "participants", "review_percent"),
    [
        (31_520, 131, Decimal("8.3")),  # Sydnärke: 131 / 1 576 = 8,31 %
        (23_140, 243, Decimal("21.0")),  # Degerfors/Karlskoga: 243 / 1 157 = 21,00 %
        (25_940, 73, Decimal("5.6")),  # SOFINT: 73 / 1 297 = 5,63 %
    ],
)
def test_target_group_reached(population, participants, review_percent):
    f = Figures(population_16_64=population, participants=participants)
    assert one_decimal(indicators.target_group_reached(f)) == review_percent


def test_target_group_reached_exact():
    # 131 participants of 1 576: 13 100 / 1 576 = 8,312182…
    value = indicators.target_group_reached(Figures(population_16_64=31_520, participants=131))
    assert value is not None
    assert abs(value - Decimal("8.3121827411")) < Decimal("0.0000000001")


# --- participants (review 5.1, 2019) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("participants", "ended", "review_percent"),
    [
        (131, 81, 62),  # Sydnärke: 81 / 131 = 61,8 % ⇒ 62
        (243, 107, 44),  # Degerfors/Karlskoga: 107 / 243 = 44,0 %
        (100, 22, 22),  # Örebro: 22 %
    ],
)
def test_share_ended(participants, ended, review_percent):
    f = Figures(participants=participants, participants_ended=ended)
    assert whole(indicators.share_ended(f)) == review_percent


def test_share_ended_exact():
    assert indicators.share_ended(Figures(participants=80, participants_ended=20)) == 25


def test_outcome_shares():
    # made-up, easy to check: 80 ended, 20 to work or studies (25 %), 30 ready (37,5 %)
    f = Figures(participants_ended=80, ended_to_work_or_studies=20, ended_ready_for_regular=30)
    assert indicators.share_to_work_or_studies(f) == Decimal(25)
    assert indicators.share_ready_for_regular(f) == Decimal("37.5")


def test_cost_per_participant_and_per_ended():
    # Sydnärke 2019: its teams (MT and CT, without the Tillväxtverket project) cost
    # 2 879 649 kr; with the 131 participants and 81 ended inferred above:
    # 2 879 649 / 131 = 21 982,05 kr and 2 879 649 / 81 = 35 551,22 kr
    f = Figures(cost_individual=2_879_649, participants=131, participants_ended=81)
    assert indicators.cost_per_participant(f).quantize(Decimal("0.01")) == Decimal("21982.05")
    assert indicators.cost_per_ended(f).quantize(Decimal("0.01")) == Decimal("35551.22")
    # the cost per ended is never below the cost per participant
    assert indicators.cost_per_ended(f) >= indicators.cost_per_participant(f)


def test_cost_per_participant_degerfors_karlskoga():
    # Degerfors/Karlskoga 2019: its coaching team cost 5 238 570 kr
    f = Figures(cost_individual=5_238_570, participants=243, participants_ended=107)
    # 5 238 570 / 243 = 21 557,90… ; 5 238 570 / 107 = 48 958,59…
    assert whole(indicators.cost_per_participant(f)) == 21_558
    assert whole(indicators.cost_per_ended(f)) == 48_959


def test_values_are_decimal():
    f = Figures(
        member_contributions=8_000_000,
        cost_individual=1_000_000,
        cost_administration=1_552_000,
        participants=100,
        participants_new=40,
        participants_ended=50,
        ended_to_work_or_studies=10,
        ended_ready_for_regular=5,
        population_16_64=100_000,
    )
    for indicator in INDICATORS:
        assert isinstance(indicator.compute(f), Decimal), indicator.key


# --- a missing figure or a zero denominator gives None --------------------------------------------

COMPLETE = Figures(
    member_contributions=5_300_000,
    cost_individual=2_879_649,
    cost_structural=100_000,
    cost_administration=1_342_000,
    participants=131,
    participants_new=60,
    participants_ended=81,
    ended_to_work_or_studies=10,
    ended_ready_for_regular=37,
    population_16_64=31_520,
)

# what each indicator reads
NEEDS = {
    "cost_per_participant": ("cost_individual", "participants"),
    "cost_per_ended": ("cost_individual", "participants_ended"),
    "share_ended": ("participants_ended", "participants"),
    "share_to_work_or_studies": ("ended_to_work_or_studies", "participants_ended"),
    "share_ready_for_regular": ("ended_ready_for_regular", "participants_ended"),
    "administration_share": ("cost_administration", "member_contributions"),
    "target_group": ("population_16_64",),
    "target_group_reached": ("participants", "population_16_64"),
}
# the figure each indicator divides by (directly or through the target group)
DENOMINATOR = {
    "cost_per_participant": "participants",
    "cost_per_ended": "participants_ended",
    "share_ended": "participants",
    "share_to_work_or_studies": "participants_ended",
    "share_ready_for_regular": "participants_ended",
    "administration_share": "member_contributions",
    "target_group_reached": "population_16_64",
}


def test_every_indicator_is_listed_here():
    assert {i.key for i in INDICATORS} == set(NEEDS)


@pytest.mark.parametrize(
    ("key", "field"), [(key, field) for key, fields in NEEDS.items() for field in fields]
)
def test_missing_figure_gives_none(key, field):
    assert BY_KEY[key].compute(COMPLETE) is not None
    assert BY_KEY[key].compute(dataclasses.replace(COMPLETE, **{field: None})) is None


@pytest.mark.parametrize(("key", "field"), DENOMINATOR.items())
def test_zero_denominator_gives_none(key, field):
    assert BY_KEY[key].compute(dataclasses.replace(COMPLETE, **{field: 0})) is None


def test_figures_other_than_those_read_do_not_matter():
    empty = Figures()
    for indicator in INDICATORS:
        assert indicator.compute(empty) is None
        fields = NEEDS[indicator.key]
        only = Figures(**{name: getattr(COMPLETE, name) for name in fields})
        assert indicator.compute(only) == indicator.compute(COMPLETE)


def test_zero_numerator_is_zero_not_none():
    f = dataclasses.replace(COMPLETE, cost_individual=0, participants_ended=0)
    assert indicators.cost_per_participant(f) == 0
    assert indicators.share_ended(f) == 0
    assert indicators.target_group_reached(dataclasses.replace(COMPLETE, participants=0)) == 0


# --- what the user reads beside the value ---------------------------------------------------------

SWEDISH = set("åäöÅÄÖ")


def test_indicator_texts():
    keys = [i.key for i in INDICATORS]
    assert len(keys) == len(set(keys))
    assert set(BY_KEY) == set(keys)
    for indicator in INDICATORS:
        assert BY_KEY[indicator.key] is indicator
        assert indicator.label.strip() and indicator.label == indicator.label.strip()
        assert "_" not in indicator.label
        assert indicator.label[0].isupper()
        assert len(indicator.definition) > len(indicator.label)
        assert indicator.definition.endswith(".")
        assert indicator.unit in {"kr", "%", "personer"}
    # the texts are Swedish
    assert SWEDISH & set("".join(i.label + i.definition for i in INDICATORS))


@pytest.mark.parametrize(
    ("key", "unit", "word"),
    [
        ("cost_per_participant", "kr", "deltagare"),
        ("cost_per_ended", "kr", "avslutad"),
        ("share_ended", "%", "avslutade"),
        ("share_to_work_or_studies", "%", "arbete eller studier"),
        ("share_ready_for_regular", "%", "ordinarie"),
        ("administration_share", "%", "administration"),
        ("target_group", "personer", "16–64"),
        ("target_group_reached", "%", "målgrupp"),
    ],
)
def test_unit_and_definition_of_each(key, unit, word):
    indicator = BY_KEY[key]
    assert indicator.unit == unit
    assert word in (indicator.label + " " + indicator.definition).lower()
