"""The data checks on follow-up figures: what the 2020 review found wrong in the federations'
reports (corpus 003, section 6.2), caught before anyone compares. No database."""

import dataclasses
from dataclasses import dataclass

import pytest

from kansli.finsam.follow_up.checks import Problem, check_year, check_years

FEDERATION = "Finsam Degerfors/Karlskoga"


@dataclass
class Figures:
    year: int = 2019
    member_contributions: int | None = 5_600_000
    equity: int | None = 1_000_000
    cost_individual: int | None = 4_500_000
    cost_structural: int | None = 56_000
    cost_administration: int | None = 1_238_000
    participants: int | None = 243
    participants_new: int | None = 88
    participants_ended: int | None = 107
    ended_to_work_or_studies: int | None = 20
    ended_ready_for_regular: int | None = 17
    reception_team_cost: int | None = 0
    coaching_team_cost: int | None = 5_238_570
    population_16_64: int | None = 23_140


def messages(f: Figures) -> list[str]:
    return [problem.message for problem in check_year(FEDERATION, f)]


def test_complete_year_has_no_problem():
    assert check_year(FEDERATION, Figures()) == []


# --- missing figures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("member_contributions", "Medlemsbidrag saknas."),
        ("cost_individual", "Kostnad för individinriktade insatser saknas."),
        ("cost_administration", "Kostnad för administration saknas."),
        ("participants", "Deltagare saknas."),
        ("participants_new", "Nya deltagare saknas."),
        ("participants_ended", "Avslutade deltagare saknas."),
        ("population_16_64", "Befolkning 16–64 år saknas."),
    ],
)
def test_missing_figure(field, message):
    problems = check_year(FEDERATION, dataclasses.replace(Figures(), **{field: None}))
    assert [p.message for p in problems] == [message]
    assert problems[0].federation == FEDERATION
    assert problems[0].year == 2019


@pytest.mark.parametrize(
    "field",
    [
        "equity",
        "cost_structural",
        "ended_to_work_or_studies",
        "ended_ready_for_regular",
        "reception_team_cost",
        "coaching_team_cost",
    ],
)
def test_optional_figure_may_be_missing(field):
    assert messages(dataclasses.replace(Figures(), **{field: None})) == []


def test_every_missing_figure_is_named():
    empty = Figures(**{f.name: None for f in dataclasses.fields(Figures) if f.name != "year"})
    found = messages(empty)
    assert len(found) == 7
    assert all(message.endswith(" saknas.") for message in found)


# --- negative values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "start"),
    [
        ("member_contributions", "Medlemsbidrag: negativt värde"),
        ("cost_individual", "Kostnad för individinriktade insatser: negativt värde"),
        ("cost_structural", "Kostnad för strukturövergripande insatser: negativt värde"),
        ("cost_administration", "Kostnad för administration: negativt värde"),
        ("reception_team_cost", "Mottagningsteamets kostnad: negativt värde"),
        ("coaching_team_cost", "Coachingteamets kostnad: negativt värde"),
    ],
)
def test_negative_amount(field, start):
    found = messages(dataclasses.replace(Figures(), **{field: -1}))
    assert any(message.startswith(start) for message in found), found


def test_negative_equity_is_no_problem():
    # a federation may have spent more than it had: equity below zero is a fact, not a fault
    assert messages(Figures(equity=-250_000)) == []


def test_negative_count():
    fields = [
        "participants",
        "participants_new",
        "participants_ended",
        "ended_to_work_or_studies",
        "ended_ready_for_regular",
        "population_16_64",
    ]
    silent = [
        field
        for field in fields
        if not any("negativ" in m for m in messages(dataclasses.replace(Figures(), **{field: -5})))
    ]
    assert silent == []


# --- parts larger than their whole ----------------------------------------------------------------


def test_more_ended_than_participants():
    found = messages(Figures(participants=100, participants_new=40, participants_ended=120))
    assert "Fler avslutade (120) än deltagare totalt (100)." in found


def test_more_new_than_participants():
    found = messages(Figures(participants=100, participants_new=101, participants_ended=50))
    assert found == ["Fler nya deltagare (101) än deltagare totalt (100)."]


def test_all_participants_new_and_ended_is_no_problem():
    # everyone came in and left in the same year: 100 % is allowed, only over 100 % is not
    assert messages(Figures(participants=50, participants_new=50, participants_ended=50)) == []


def test_outcomes_more_than_ended():
    found = messages(
        Figures(participants_ended=30, ended_to_work_or_studies=20, ended_ready_for_regular=11)
    )
    assert any(m.startswith("Avslutade till arbete/studier och redo") for m in found), found
    assert any("(31)" in m and "(30)" in m for m in found), found


def test_outcomes_equal_to_ended_is_no_problem():
    f = Figures(participants_ended=30, ended_to_work_or_studies=20, ended_ready_for_regular=10)
    assert messages(f) == []


def test_one_outcome_known_and_too_large():
    f = Figures(participants_ended=30, ended_to_work_or_studies=31, ended_ready_for_regular=None)
    assert any("(31)" in m and "(30)" in m for m in messages(f))


def test_outcomes_not_checked_without_ended():
    f = Figures(participants_ended=None, ended_to_work_or_studies=500)
    assert messages(f) == ["Avslutade deltagare saknas."]


# --- shares over 100 % ----------------------------------------------------------------------------


def test_administration_share_over_100_percent():
    found = messages(Figures(member_contributions=1_000_000, cost_administration=1_500_000))
    assert len(found) == 1
    assert found[0].startswith("Administrationens andel av medelstilldelningen är över 100 %")


def test_share_ended_over_100_percent_is_named_too():
    found = messages(Figures(participants=100, participants_new=40, participants_ended=150))
    assert any(m.startswith("Andel avslutade är över 100 %") for m in found), found


def test_share_of_target_group_over_100_percent():
    # 1 200 participants against 5 % of 20 000 = 1 000
    found = messages(Figures(participants=1_200, participants_new=500, population_16_64=20_000))
    assert any(m.startswith("Andel av målgruppen som nåtts är över 100 %") for m in found)


def test_share_over_100_percent_is_written_the_swedish_way():
    found = messages(Figures(member_contributions=1_000_000, cost_administration=1_500_000))
    assert found == ["Administrationens andel av medelstilldelningen är över 100 % (150,0 %)."]


# --- between years: the start of a year against the end of the year before ------------------------


def degerfors(year: int, participants: int, new: int, ended: int) -> Figures:
    return Figures(
        year=year,
        participants=participants,
        participants_new=new,
        participants_ended=ended,
        ended_to_work_or_studies=None,
        ended_ready_for_regular=None,
    )


def test_year_starting_with_more_than_the_year_before_ended():
    # the review's case: at the start of 2019 the coaching team had 15 more participants
    # than were left at the end of 2018. 2018: 250 - 110 ended = 140 left;
    # 2019: 243 - 88 new = 155 at the start.
    years = [degerfors(2018, 250, 120, 110), degerfors(2019, 243, 88, 107)]
    problems = check_years(FEDERATION, years)
    assert len(problems) == 1
    problem = problems[0]
    assert isinstance(problem, Problem)
    assert (problem.federation, problem.year) == (FEDERATION, 2019)
    assert problem.message.startswith("Året började med 155 deltagare, men 2018 slutade med 140")
    assert "+15" in problem.message
    assert str(problem).startswith(f"{FEDERATION} 2019: Året började med 155")


def test_year_starting_with_fewer():
    years = [degerfors(2018, 250, 120, 110), degerfors(2019, 243, 108, 107)]  # 135 vs 140
    [problem] = check_years(FEDERATION, years)
    assert "-5" in problem.message


def test_consistent_years_are_no_problem():
    # 2017: 200 - 80 = 120 left; 2018: 250 - 130 new = 120 ✓; 2018: 250 - 110 = 140 left;
    # 2019: 243 - 103 new = 140 ✓
    years = [
        degerfors(2017, 200, 90, 80),
        degerfors(2018, 250, 130, 110),
        degerfors(2019, 243, 103, 107),
    ]
    assert check_years(FEDERATION, years) == []


def test_years_in_any_order():
    years = [degerfors(2019, 243, 88, 107), degerfors(2018, 250, 120, 110)]
    [problem] = check_years(FEDERATION, years)
    assert problem.year == 2019


def test_no_alarm_when_years_are_not_consecutive():
    years = [degerfors(2017, 200, 90, 80), degerfors(2019, 243, 88, 107)]
    assert check_years(FEDERATION, years) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ({"participants_ended": None}, {}),
        ({"participants": None}, {}),
        ({}, {"participants_new": None}),
        ({}, {"participants": None}),
    ],
)
def test_no_alarm_between_years_when_a_figure_is_missing(before, after):
    years = [
        dataclasses.replace(degerfors(2018, 250, 120, 110), **before),
        dataclasses.replace(degerfors(2019, 243, 88, 107), **after),
    ]
    problems = check_years(FEDERATION, years)
    # the missing figure is named, but no comparison is made from it
    assert len(problems) == 1
    assert problems[0].message.endswith("saknas.")
    assert not any("började" in p.message for p in problems)


def test_check_years_includes_each_years_own_problems():
    years = [
        degerfors(2018, 250, 120, 110),
        dataclasses.replace(degerfors(2019, 243, 88, 107), cost_administration=None),
    ]
    problems = check_years(FEDERATION, years)
    assert [(p.year, p.message.split(" ")[0]) for p in problems] == [
        (2019, "Kostnad"),
        (2019, "Året"),
    ]


def test_check_years_of_nothing():
    assert check_years(FEDERATION, []) == []
    assert check_years(FEDERATION, [Figures()]) == []
