"""The registry's rules: OSL 5 kap. 1–2 §§ (the registration's date) and 5 kap. 5 § (the
secrecy marking: provision, date, authority)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.registry import rules

D = datetime.date
days = st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31))


@given(days, days)
def test_a_document_cannot_have_come_in_after_the_day_it_is_registered(day, today):
    assert rules.registration_date_is_valid(day, today) == (day <= today)


@pytest.mark.parametrize(
    "reference",
    [
        "OSL 21 kap. 1 §",
        "21 kap. 1 §",
        "OSL 18 kap. 8 §",
        "OSL 26 kap. 1 § första stycket",
        "39 kap. 3 § 2 st. offentlighets- och sekretesslagen (2009:400)",
        "  OSL 21 kap. 7 a §  ",
    ],
)
def test_a_marking_names_a_paragraph_of_osl(reference):
    assert rules.secrecy_reference_is_valid(reference)


@pytest.mark.parametrize(
    "reference",
    ["hemligt", "sekretess", "OSL", "21 kap.", "<script>alert(1)</script>", "OSL 21 kap. 1 § x"],
)
def test_a_marking_without_a_paragraph_is_not_one(reference):
    assert not rules.secrecy_reference_is_valid(reference)


def test_the_marking_as_shown_has_provision_date_and_authority():
    assert (
        rules.secrecy_marking("OSL 21 kap. 1 §", D(2026, 12, 7), "Regionstyrelsen")
        == "OSL 21 kap. 1 §, markerad 2026-12-07 av Regionstyrelsen"
    )


def test_an_old_marking_shows_what_is_known():
    assert rules.secrecy_marking("OSL 21 kap. 1 §", None, "") == "OSL 21 kap. 1 §"
    assert rules.secrecy_marking("OSL 21 kap. 1 §", None, "Regionstyrelsen") == (
        "OSL 21 kap. 1 §, markerad av Regionstyrelsen"
    )
    assert rules.secrecy_marking(" OSL 21 kap. 1 § ", D(2020, 1, 2), "") == (
        "OSL 21 kap. 1 §, markerad 2020-01-02"
    )


# Disposal (Arkivlagen 10 §, the body's informationshanteringsplan)

from kansli.registry.rules import disposal_due_on, disposal_refusal  # noqa: E402


@pytest.mark.parametrize(
    ("keep", "years", "inactual", "closed", "due"),
    [
        (True, None, False, datetime.date(2020, 6, 1), None),  # kept for ever
        (False, 2, False, None, None),  # the case is open
        (False, 2, False, datetime.date(2020, 6, 1), datetime.date(2022, 6, 1)),
        (False, 2, False, datetime.date(2020, 2, 29), datetime.date(2022, 2, 28)),
        (False, 4, False, datetime.date(2020, 2, 29), datetime.date(2024, 2, 29)),
        (False, None, True, datetime.date(2020, 6, 1), datetime.date(2020, 6, 1)),
    ],
)
def test_the_day_a_document_may_go(keep, years, inactual, closed, due):
    assert disposal_due_on(keep=keep, years=years, on_inactuality=inactual, closed_on=closed) == due


@pytest.mark.parametrize(
    ("planned", "keep", "due", "open_", "expected"),
    [
        (False, False, None, False, "står inte i informationshanteringsplanen"),
        (True, True, None, False, "ska bevaras"),
        (True, False, datetime.date(2026, 3, 17), True, "inte avslutat"),
        (True, False, datetime.date(2026, 3, 18), False, "förrän 2026-03-18"),
        (True, False, datetime.date(2026, 3, 17), False, ""),
    ],
)
def test_why_a_document_may_not_go_today(planned, keep, due, open_, expected):
    refusal = disposal_refusal(
        planned=planned, keep=keep, due_on=due, today=datetime.date(2026, 3, 17), case_open=open_
    )
    assert (expected in refusal) if expected else refusal == ""
