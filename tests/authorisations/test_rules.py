import datetime

from hypothesis import given
from hypothesis import strategies as st

from kansli.authorisations import rules

days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))
D = datetime.date


def test_valid_from_the_decision_until_the_day_it_is_revoked():
    assert rules.valid_on(D(2020, 8, 26), None, D(2020, 8, 26))
    assert rules.valid_on(D(2020, 8, 26), None, D(2030, 1, 1))
    assert not rules.valid_on(D(2020, 8, 26), None, D(2020, 8, 25))
    assert rules.valid_on(D(2020, 8, 26), D(2021, 3, 1), D(2021, 2, 28))
    assert not rules.valid_on(D(2020, 8, 26), D(2021, 3, 1), D(2021, 3, 1))


@given(start=days, revoked=st.one_of(st.none(), days), day=days)
def test_valid_exactly_inside_the_span(start, revoked, day):
    inside = start <= day and (revoked is None or day < revoked)
    assert rules.valid_on(start, revoked, day) == inside


def test_a_holder_cannot_countersign_their_own_authorisation():
    countersign = "redovisningsansvarig Inger Andersson eller ekonomidirektör Lennart Frommegård"
    assert rules.countersigned_by_holder("Inger Andersson", countersign)
    assert rules.countersigned_by_holder("  inger   andersson ", countersign)
    assert not rules.countersigned_by_holder("Caroline Klefbom", countersign)
    assert not rules.countersigned_by_holder("Inger", "Ingergård")
    assert not rules.countersigned_by_holder("", countersign)
