"""Which step may follow where a resignation or a vacancy is: the functions the page's forms
and the services' guards both ask (rules.resignation_next_steps, rules.vacancy_next_steps)."""

import itertools

from kansli.elections.models import ResignationStatus
from kansli.elections.rules import (
    GRANTED,
    PROPOSED,
    RECEIVED,
    Step,
    resignation_next_steps,
    vacancy_next_steps,
)


def test_the_rule_knows_every_status_of_the_model() -> None:
    assert list(ResignationStatus.values) == [RECEIVED, PROPOSED, GRANTED]


def test_a_received_request_is_put_on_an_agenda_or_granted_and_a_successor_named() -> None:
    steps = resignation_next_steps(status=RECEIVED, by_election_open=True, nominee_named=False)
    assert steps == {Step.PROPOSE, Step.GRANT, Step.NOMINATE}


def test_no_one_is_elected_before_the_seat_is_free() -> None:
    for status in (RECEIVED, PROPOSED):
        steps = resignation_next_steps(status=status, by_election_open=True, nominee_named=True)
        assert Step.ELECT not in steps and Step.GRANT in steps
    steps = resignation_next_steps(status=GRANTED, by_election_open=True, nominee_named=True)
    assert steps == {Step.NOMINATE, Step.ELECT}


def test_nothing_follows_a_held_by_election_and_a_granted_request() -> None:
    for named in (True, False):
        assert not resignation_next_steps(
            status=GRANTED, by_election_open=False, nominee_named=named
        )


def test_a_resignation_is_never_kept() -> None:
    for status, is_open, named in itertools.product(
        [RECEIVED, PROPOSED, GRANTED], [True, False], [True, False]
    ):
        steps = resignation_next_steps(status=status, by_election_open=is_open, nominee_named=named)
        assert Step.KEEP not in steps


def test_a_vacancy_is_filled_or_kept_while_open() -> None:
    assert vacancy_next_steps(is_open=True, may_be_kept=True, nominee_named=False) == {
        Step.NOMINATE,
        Step.KEEP,
    }
    assert vacancy_next_steps(is_open=True, may_be_kept=False, nominee_named=True) == {
        Step.NOMINATE,
        Step.ELECT,
    }
    for kept, named in itertools.product([True, False], repeat=2):
        assert not vacancy_next_steps(is_open=False, may_be_kept=kept, nominee_named=named)
