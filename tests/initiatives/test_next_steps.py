"""Which step may follow which status: one function (rules.next_steps) that both the page's
forms and the services' guards ask."""

import itertools

import pytest

from kansli.initiatives.models import InitiativeStatus
from kansli.initiatives.rules import (
    ANNOUNCED,
    DECIDED,
    DELEGATED,
    RECEIVED,
    REFERRED,
    Step,
    next_steps,
)


def steps(status: str, *, motion: bool = True, missing: bool = False, name: bool = False):
    return next_steps(
        status=status, is_motion=motion, facts_missing=missing, has_proposer_name=name
    )


def test_the_rule_knows_every_status_of_the_model() -> None:
    assert list(InitiativeStatus.values) == [RECEIVED, ANNOUNCED, REFERRED, DELEGATED, DECIDED]


def test_a_received_motion_is_announced_first() -> None:
    assert steps(RECEIVED) == {Step.ANNOUNCE}


def test_an_incomplete_one_is_completed_before_it_is_announced() -> None:
    assert steps(RECEIVED, missing=True) == {Step.COMPLETE}
    assert Step.COMPLETE in steps(ANNOUNCED, missing=True)


def test_an_announced_motion_is_referred_or_decided_never_left_to_a_board() -> None:
    assert steps(ANNOUNCED) == {Step.REFER, Step.DECIDE}
    assert steps(REFERRED) == {Step.DECIDE}


def test_a_citizen_proposal_may_be_left_to_a_board_and_its_name_consented() -> None:
    assert steps(ANNOUNCED, motion=False, name=True) == {
        Step.CONSENT,
        Step.REFER,
        Step.DELEGATE,
        Step.DECIDE,
    }
    assert steps(DELEGATED, motion=False) == {Step.DECIDE}


def test_nothing_follows_a_decision_but_completing_and_consent() -> None:
    for motion, missing, name in itertools.product([True, False], repeat=3):
        assert steps(DECIDED, motion=motion, missing=missing, name=name) <= {
            Step.COMPLETE,
            Step.CONSENT,
        }


@pytest.mark.parametrize("status", [RECEIVED, ANNOUNCED, REFERRED, DELEGATED, DECIDED])
def test_a_motion_never_has_consent_or_delegation(status: str) -> None:
    for missing, name in itertools.product([True, False], repeat=2):
        assert not steps(status, missing=missing, name=name) & {Step.CONSENT, Step.DELEGATE}
