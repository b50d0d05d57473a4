"""Copying the previous term's seats as the starting point of a new term."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.people import services
from kansli.people.copy_plan import plan_copy
from kansli.people.models import Membership, OrganizationKind

from .conftest import CHAIR, MEMBER, SUBSTITUTE, person, seat

D = datetime.date


@pytest.fixture
def council(body):
    return services.organization_create(
        actor=None, body=body, name="Regionfullmäktige", kind=OrganizationKind.COUNCIL
    )


@pytest.fixture
def old_board(board, old_term, parties):
    """The board's last term: a chair, a member who left mid-term and the one who came,
    and S's substitutes with a gap where one left."""
    seat(person(parties, "Anna", "Exempelsson", "S"), board, CHAIR, old_term)
    left = seat(person(parties, "Bertil", "Berg", "M"), board, MEMBER, old_term)
    services.membership_end(actor=None, membership=left, end=D(2021, 3, 31))
    seat(person(parties, "Cecilia", "Prov", "M"), board, MEMBER, old_term, start=D(2021, 4, 1))
    first = seat(person(parties, "David", "Test", "S"), board, SUBSTITUTE, old_term)
    second = seat(person(parties, "Eva", "Fiktiv", "S"), board, SUBSTITUTE, old_term)
    third = seat(person(parties, "Filip", "Påhitt", "S"), board, SUBSTITUTE, old_term)
    services.membership_end(actor=None, membership=second, end=D(2022, 5, 31))
    return first, second, third


def test_the_seats_held_on_the_last_day_are_copied(secretary, board, term, old_term, old_board):
    plan = services.term_copy_seats(actor=secretary, term=term)
    assert plan.source == old_term
    (entry,) = plan.copied
    assert (entry.members, entry.substitutes, entry.renumbered) == (2, 2, True)
    new = Membership.objects.filter(term=term).select_related("person")
    assert sorted((m.person.last_name, m.role, m.substitute_order) for m in new) == [
        ("Exempelsson", CHAIR, None),
        ("Prov", MEMBER, None),
        ("Påhitt", SUBSTITUTE, 2),  # was 3: the gap left by Fiktiv is closed
        ("Test", SUBSTITUTE, 1),
    ]
    assert {(m.start, m.end) for m in new} == {(term.start, term.end)}
    # the same persons, no duplicates
    assert new.get(person__last_name="Test").person == old_board[0].person
    entry = AuditEntry.objects.get(action="term_copy_seats")
    assert entry.actor == secretary and "Kopierade 4 uppdrag i 1 organ" in entry.summary
    assert AuditEntry.objects.filter(action="membership_create").count() == 6 + 4


def test_an_organization_with_seats_in_the_new_term_is_skipped(
    secretary, board, council, term, old_term, old_board, parties
):
    seat(person(parties, "Gun", "Fullmäktig", "S"), council, MEMBER, old_term)
    seat(person(parties, "Hans", "Redan", "M"), board, MEMBER, term)
    plan = services.term_copy_seats(actor=secretary, term=term)
    assert [o.organization for o in plan.copied] == [council]
    assert [o.organization for o in plan.skipped] == [board]
    assert "har redan 1 uppdrag under mandatperioden 2023–2026" in plan.skipped[0].skipped
    assert Membership.objects.filter(term=term, organization=board).count() == 1
    # a second copy finds every organization done and copies nothing
    with pytest.raises(ValidationError, match="alla organ har redan uppdrag"):
        services.term_copy_seats(actor=secretary, term=term)
    assert Membership.objects.filter(term=term).count() == 2


def test_without_a_previous_term_or_seats_nothing_is_copied(secretary, body, board, term):
    with pytest.raises(ValidationError, match="ingen mandatperiod före 2023–2026"):
        services.term_copy_seats(actor=secretary, term=term)
    old = services.term_create(
        actor=None, body=body, name="2019–2022", start=D(2019, 1, 1), end=D(2022, 12, 31)
    )
    assert plan_copy(term=term).source == old
    with pytest.raises(ValidationError, match="har inga uppdrag på sin sista dag"):
        services.term_copy_seats(actor=secretary, term=term)
    assert not Membership.objects.exists()
    assert not AuditEntry.objects.filter(action="term_copy_seats").exists()


def test_seats_without_a_term_count_as_the_previous_terms(
    secretary, board, term, old_term, parties
):
    """Seats imported from old notices have no term and no end: held on its last day."""
    imported = person(parties, "Ivar", "Importerad", "S")
    services.membership_create(
        actor=None, person=imported, organization=board, role=MEMBER, start=D(2020, 8, 26)
    )
    plan = plan_copy(term=term)
    # it is held during the new term too (no end), so the board counts as done
    assert [o.organization for o in plan.skipped] == [board]


def test_only_secretaries_and_administrators(elected, term, old_board):
    with pytest.raises(PermissionDenied):
        services.term_copy_seats(actor=elected, term=term)
    assert not Membership.objects.filter(term=term).exists()
