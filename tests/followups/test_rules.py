import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.followups import rules

D = datetime.date
DAYS = ((4, 30), (8, 31))
days = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))


def test_with_the_interim_report_means_the_next_report_day():
    assert rules.next_interim_report(D(2020, 3, 1), DAYS) == D(2020, 4, 30)
    assert rules.next_interim_report(D(2020, 4, 30), DAYS) == D(2020, 8, 31)
    assert rules.next_interim_report(D(2020, 9, 1), DAYS) == D(2021, 4, 30)
    with pytest.raises(ValueError, match="delårsrapportdagar"):
        rules.next_interim_report(D(2020, 9, 1), [])


@given(after=days)
def test_the_next_report_is_after_and_within_a_year(after):
    due = rules.next_interim_report(after, DAYS)
    assert after < due <= after + datetime.timedelta(days=366)
    assert (due.month, due.day) in DAYS


def test_followup_due_by_date_or_report():
    assert rules.followup_due(D(2020, 8, 26), D(2021, 1, 31), False, DAYS) == D(2021, 1, 31)
    assert rules.followup_due(D(2020, 8, 26), None, True, DAYS) == D(2020, 8, 31)
    with pytest.raises(ValueError):
        rules.followup_due(D(2020, 8, 26), None, False, DAYS)


def test_status_problems():
    given_on = D(2020, 1, 15)
    assert rules.status_problem("startat", None, given_on) == ""
    assert rules.status_problem("klart", D(2020, 6, 1), given_on) == ""
    assert "Okänd status ”pågår”" in rules.status_problem("pågår", None, given_on)
    assert rules.status_problem("klart", None, given_on) == "Ange vilken dag uppdraget blev klart."
    assert "före den dag det gavs" in rules.status_problem("klart", D(2020, 1, 1), given_on)
