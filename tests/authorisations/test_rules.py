import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.authorisations import rules
from kansli.authorisations.models import EVENT_FIELDS, GivenBy

days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))
maybe_days = st.one_of(st.none(), days)
events = st.fixed_dictionaries({field: maybe_days for field in EVENT_FIELDS})
ways = st.sampled_from(GivenBy.values)
D = datetime.date
START = D(2020, 8, 26)  # the board's decision, item 8
DECIDED = D(2021, 3, 1)


def _valid(given_by, day, **events):
    return rules.valid_on(START, day, given_by=given_by, **events)


# The statute's own cases, one way of giving an authorisation at a time.


def test_13_a_bank_authorisation_ends_when_the_bank_has_the_message():
    told = {"holder_told_on": D(2021, 3, 2), "third_party_told_on": D(2021, 3, 4)}
    assert rules.revocation_effective_on(GivenBy.THIRD_PARTY, **told) == D(2021, 3, 4)
    assert _valid(GivenBy.THIRD_PARTY, D(2021, 3, 3), **told)  # the holder knew: not enough
    assert not _valid(GivenBy.THIRD_PARTY, D(2021, 3, 4), **told)


def test_14_a_public_authorisation_ends_with_the_announcement():
    announced = {"revocation_announced_on": D(2021, 3, 10), "third_party_told_on": D(2021, 3, 2)}
    assert rules.revocation_effective_on(GivenBy.PUBLIC, **announced) == D(2021, 3, 10)
    assert _valid(GivenBy.PUBLIC, D(2021, 3, 9), **announced)
    assert not _valid(GivenBy.PUBLIC, D(2021, 3, 10), **announced)


def test_15_an_authorisation_of_a_position_ends_when_the_holder_leaves_it():
    assert rules.revocation_effective_on(GivenBy.POSITION, left_position_on=D(2021, 2, 28)) == D(
        2021, 2, 28
    )
    assert _valid(GivenBy.POSITION, D(2021, 2, 27), left_position_on=D(2021, 2, 28))
    assert not _valid(GivenBy.POSITION, D(2021, 2, 28), left_position_on=D(2021, 2, 28))


def test_16_a_document_authorisation_ends_when_the_document_is_taken_back():
    only_told = {"third_party_told_on": D(2021, 3, 2), "holder_told_on": D(2021, 3, 2)}
    assert rules.revocation_effective_on(GivenBy.DOCUMENT, **only_told) is None
    assert _valid(GivenBy.DOCUMENT, D(2030, 1, 1), **only_told)
    returned = {**only_told, "document_returned_on": D(2021, 3, 15)}
    assert rules.revocation_effective_on(GivenBy.DOCUMENT, **returned) == D(2021, 3, 15)
    assert not _valid(GivenBy.DOCUMENT, D(2021, 3, 15), **returned)


def test_18_an_authorisation_told_only_to_the_holder_ends_when_the_holder_is_told():
    assert rules.revocation_effective_on(GivenBy.HOLDER_ONLY, holder_told_on=DECIDED) == DECIDED
    assert not _valid(GivenBy.HOLDER_ONLY, DECIDED, holder_told_on=DECIDED)
    # a letter to a bank does not revoke what the bank was never told of
    assert _valid(GivenBy.HOLDER_ONLY, D(2030, 1, 1), third_party_told_on=DECIDED)


@pytest.mark.parametrize(
    "given_by", [GivenBy.THIRD_PARTY, GivenBy.PUBLIC, GivenBy.POSITION, GivenBy.DOCUMENT]
)
def test_12_telling_the_holder_alone_revokes_none_of_13_to_16(given_by):
    assert rules.revocation_effective_on(given_by, holder_told_on=DECIDED) is None
    assert _valid(given_by, D(2030, 1, 1), holder_told_on=DECIDED)
    assert rules.revoking_event(given_by) != "holder_told_on"


def test_not_in_force_before_its_first_day_nor_revoked_without_an_event():
    assert not _valid(GivenBy.THIRD_PARTY, START - datetime.timedelta(days=1))
    assert _valid(GivenBy.THIRD_PARTY, START)
    assert rules.revocation_effective_on(GivenBy.THIRD_PARTY) is None


def test_an_unknown_way_is_an_error():
    with pytest.raises(ValueError, match="unknown way"):
        rules.revoking_event("muntligen")
    with pytest.raises(ValueError):
        rules.valid_on(START, START, given_by="")


def test_every_way_has_its_event_paragraph_and_texts():
    assert set(rules.REVOKING_EVENT) == set(GivenBy.values)
    assert sorted(rules.REVOKING_EVENT.values()) == sorted(EVENT_FIELDS)
    for mapping in (rules.PARAGRAPH, rules.HOW_REVOKED, rules.NOT_YET):
        assert set(mapping) == set(GivenBy.values)


# Dates


@given(given_by=ways, start=days, events=events, day=days)
def test_valid_exactly_from_the_first_day_until_the_event_of_its_way(given_by, start, events, day):
    effect = events[rules.revoking_event(given_by)]
    inside = start <= day and (effect is None or day < effect)
    assert rules.valid_on(start, day, given_by=given_by, **events) == inside
    assert rules.revocation_effective_on(given_by, **events) == effect


@given(given_by=ways, start=days, events=events, day=days, other=maybe_days, data=st.data())
def test_only_the_event_of_its_way_counts(given_by, start, events, day, other, data):
    field = data.draw(
        st.sampled_from([f for f in EVENT_FIELDS if f != rules.revoking_event(given_by)])
    )
    changed = {**events, field: other}
    assert rules.valid_on(start, day, given_by=given_by, **changed) == rules.valid_on(
        start, day, given_by=given_by, **events
    )


@given(given_by=ways, start=days, events=events, day=days, later=days)
def test_once_ended_it_stays_ended(given_by, start, events, day, later):
    if start <= day <= later and not rules.valid_on(start, day, given_by=given_by, **events):
        assert not rules.valid_on(start, later, given_by=given_by, **events)


@given(given_by=ways, start=days, events=events, day=days)
def test_never_ends_before_the_event_of_its_way(given_by, start, events, day):
    effect = rules.revocation_effective_on(given_by, **events)
    if start <= day and (effect is None or day < effect):
        assert rules.valid_on(start, day, given_by=given_by, **events)


@given(start=days, decided=days, day=days, today=days, event=st.sampled_from(EVENT_FIELDS))
def test_event_days_are_checked(start, decided, day, today, event):
    problem = rules.revocation_event_problem(
        event, day, valid_from=start, decided_on=decided, today=today
    )
    if day > today:
        assert "framtiden" in problem
    elif event == "left_position_on":  # leaving the position may come before the decision
        assert bool(problem) == (day < start)
    else:
        assert bool(problem) == (day < decided)
        if problem:
            assert decided.isoformat() in problem


def test_a_holder_cannot_countersign_their_own_authorisation():
    countersign = "redovisningsansvarig Inger Andersson eller ekonomidirektör Lennart Frommegård"
    assert rules.countersigned_by_holder("Inger Andersson", countersign)
    assert rules.countersigned_by_holder("  inger   andersson ", countersign)
    assert not rules.countersigned_by_holder("Caroline Klefbom", countersign)
    assert not rules.countersigned_by_holder("Inger", "Ingergård")
    assert not rules.countersigned_by_holder("", countersign)
