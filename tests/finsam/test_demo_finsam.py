"""The demo's Finsam data: loaded through the services, idempotent, and showing what the
2020 review found."""

import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse

from kansli.demo.finsam import finsam_load
from kansli.demo.report import LoadReport
from kansli.finsam import rules
from kansli.finsam.follow_up import checks, indicators
from kansli.finsam.funding.contributions import contributions
from kansli.finsam.models import (
    CharterVersion,
    Federation,
    FederationMember,
    FollowUp,
    StateAllocation,
)
from kansli.finsam.selectors import federation_by_name


def _counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"finsam", "core"}
    }


@pytest.fixture
def demo(body):
    report = LoadReport()
    finsam_load(report, body)
    return report


def test_loading_twice_changes_nothing(body, demo):
    assert demo.total > 0
    counts = _counts()
    again = LoadReport()
    finsam_load(again, body)
    assert again.total == 0
    assert _counts() == counts


def test_the_four_federations_with_their_members_and_boards(body, demo):
    federations = {f.short_name: f for f in Federation.objects.filter(body=body)}
    assert set(federations) == {"Lekeberg/Örebro", "Sydnärke", "Degerfors/Karlskoga", "SOFINT"}
    sydnarke = federations["Sydnärke"]
    municipalities = sorted(sydnarke.members.filter(kind="kommun").values_list("name", flat=True))
    assert municipalities == [
        "Askersunds kommun",
        "Hallsbergs kommun",
        "Kumla kommun",
        "Laxå kommun",
    ]
    assert sydnarke.members.count() == 7
    sofint = federation_by_name(viewer=None, body=body, name="Sofint")
    assert sofint == federations["SOFINT"]
    term = sofint.board_terms.get()
    assert (term.start, term.end, term.members, term.substitutes) == (
        datetime.date(2019, 4, 1),
        datetime.date(2023, 3, 31),
        7,
        7,
    )
    assert "3/4" in term.qualified_majority
    lekeberg = federations["Lekeberg/Örebro"].board_terms.get()
    assert (lekeberg.members, lekeberg.substitutes) == (5, 5)


def test_sofints_charter_is_not_yet_in_force(body, demo):
    charter = CharterVersion.objects.get(case_number="20RS6208")
    members = list(FederationMember.objects.filter(federation=charter.federation))
    adoptions = {a.member_id: a.adopted_on for a in charter.adoptions.all()}
    assert 0 < len(adoptions) < len(members)
    assert rules.charter_in_force([m.pk for m in members], adoptions) is None


def test_contributions_for_2023_and_2024_can_be_computed(body, demo):
    for year in (2023, 2024):
        state = {a.federation: a.amount for a in StateAllocation.objects.filter(year=year)}
        assert len(state) == 4
        for contribution in contributions(year, state):
            assert contribution.problems == []
            assert contribution.region + contribution.municipalities == contribution.state
            parts = sum(part.amount or 0 for part in contribution.split)
            assert parts == contribution.municipalities
    sofint = [c for c in contributions(2024, state) if c.federation.short_name == "SOFINT"]
    assert sofint[0].previous_state == 2_000_000
    assert 3_900_000 <= 2 * sofint[0].state <= 4_300_000  # about 4 mnkr from the members


def test_the_review_finding_for_degerfors_karlskoga_2019_is_found(body, demo):
    federation = Federation.objects.get(body=body, short_name="Degerfors/Karlskoga")
    years = list(FollowUp.objects.filter(federation=federation))
    problems = checks.check_years(federation.short_name, years)
    assert [(p.year, "(+15)" in p.message) for p in problems] == [(2019, True)]
    assert "Året började med 133 deltagare, men 2018 slutade med 118" in problems[0].message


def test_the_other_federations_2019_figures_pass_the_checks(body, demo):
    for federation in Federation.objects.filter(body=body).exclude(
        short_name="Degerfors/Karlskoga"
    ):
        assert checks.check_years(federation.short_name, list(federation.follow_ups.all())) == []


def test_sofints_administration_share_2019_is_about_34_percent(body, demo):
    follow_up = FollowUp.objects.get(federation__short_name="SOFINT", year=2019)
    by_hand = Decimal(1_373_000) / Decimal(4_000_000) * 100  # 34.325 %
    assert indicators.administration_share(follow_up) == by_hand
    assert round(by_hand) == 34  # the review's table: 34 %


def test_figures_from_the_corpus(body, demo):
    sydnarke = FollowUp.objects.get(federation__short_name="Sydnärke", year=2019)
    assert (sydnarke.reception_team_cost, sydnarke.coaching_team_cost) == (1_051_782, 1_827_867)
    assert sydnarke.population_16_64 == 20 * 1576
    funds = list(sydnarke.extra_funds.values_list("source", "granted", "used"))
    assert funds == [("Tillväxtverket", 1_100_000, 783_000)]
    lekeberg = FollowUp.objects.get(federation__short_name="Lekeberg/Örebro", year=2019)
    assert lekeberg.coaching_team_cost == 380_212 + 3_208_366
    participants = FollowUp.objects.filter(year=2019).values_list("participants", flat=True)
    assert sum(participants) == 610  # the review: 610 participants in 2019
    # The cost split: administration 43 % of SOFINT's costs, individual 54 %.
    sofint = FollowUp.objects.get(federation__short_name="SOFINT", year=2019)
    total = Decimal(1_373_000) / Decimal("0.43")
    assert abs(sofint.cost_individual - total * Decimal("0.54")) < 1


def test_the_list_page_shows_the_demo_and_its_finding(client, body, demo, elected):
    client.force_login(elected)
    page = client.get(reverse("finsam:follow_up_list")).content.decode()
    assert "Finsam Degerfors/Karlskoga" in page
    assert "Året började med 133 deltagare, men 2018 slutade med 118 (+15)." in page
    assert "34,3&nbsp;%" in page  # SOFINT's administration share 2019
    assert "Extra medel från Tillväxtverket: 1\xa0100\xa0000 kr beviljat" in page
