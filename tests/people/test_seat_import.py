"""Saving seats read from CSV: the plan says what would be created; the save writes all of it
through the services or nothing, and a namesake is never merged nor duplicated in silence."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.people import services
from kansli.people.models import Membership, Person
from kansli.people.seat_csv import read_text
from kansli.people.seat_plan import NEW, plan_seats

from .conftest import CHAIR, SUBSTITUTE, person, seat

D = datetime.date

FILE = (
    "namn;parti;roll;ordning;e-post\n"
    "Anna Exempelsson;S;Ordförande;;anna@example.se\n"
    "Berg, Bertil;M;1:e vice ordförande;;\n"
    "David Test;S;ledamot;;\n"
    "Eva Fiktiv;S;ersättare;;\n"
    "Filip Påhitt;S;ersättare;;\n"
    "Gun Prov;M;ersättare;1;\n"
)


def _rows(parties, text=FILE):
    sheet = read_text(text, parties.values())
    assert sheet.ok, sheet.problems
    return sheet.rows


def _plan(board, term, parties, choices=None, text=FILE, start=None):
    return plan_seats(
        term=term,
        organization=board,
        rows=_rows(parties, text),
        start=start or term.start,
        choices=choices or {},
    )


def _save(actor, board, term, parties, choices=None, text=FILE, start=None):
    return services.seats_import(
        actor=actor,
        term=term,
        organization=board,
        rows=_rows(parties, text),
        start=start or term.start,
        choices=choices or {},
    )


def test_a_new_organization_from_an_empty_installation(secretary, board, term, parties):
    plan = _plan(board, term, parties)
    assert (len(plan.new_persons), len(plan.existing_persons), plan.problems) == (6, 0, [])
    assert [s.order for s in plan.substitutes] == [1, 2, 1]  # numbered in file order per party
    _save(secretary, board, term, parties)
    seats = Membership.objects.filter(organization=board, term=term)
    assert seats.count() == 6 and Person.objects.count() == 6
    anna = Person.objects.get(last_name="Exempelsson")
    assert anna.email == "anna@example.se"
    assert seats.get(person=anna).role == CHAIR
    assert {(m.start, m.end) for m in seats} == {(term.start, term.end)}
    assert sorted(
        (m.person.last_name, m.substitute_order) for m in seats.filter(role=SUBSTITUTE)
    ) == [("Fiktiv", 1), ("Prov", 1), ("Påhitt", 2)]
    entry = AuditEntry.objects.get(action="seats_import")
    assert entry.actor == secretary and "6 uppdrag" in entry.summary
    assert AuditEntry.objects.filter(action="membership_create").count() == 6


def test_a_namesake_is_asked_about_and_the_answer_decides(secretary, board, term, parties):
    anna = person(parties, "Anna", "Exempelsson", "S", email="gammal@example.se")
    plan = _plan(board, term, parties)
    (question,) = plan.questions
    assert question.row.line == 2 and question.candidates == [anna]
    # unanswered: the save is refused and nothing is written
    with pytest.raises(ValidationError, match="Rad 2: svara på frågan om Anna Exempelsson"):
        _save(secretary, board, term, parties)
    assert not Membership.objects.exists() and Person.objects.count() == 1
    # the same person: reused, with the e-mail of the file
    plan = _plan(board, term, parties, {2: str(anna.pk)})
    assert plan.questions == [] and plan.existing_persons[0].email_change
    _save(secretary, board, term, parties, {2: str(anna.pk)})
    anna.refresh_from_db()
    assert anna.email == "anna@example.se" and Person.objects.count() == 6
    assert Membership.objects.get(person=anna).role == CHAIR


def test_a_namesake_answered_as_another_person_is_created(secretary, board, term, parties):
    anna = person(parties, "Anna", "Exempelsson", "S")
    _save(secretary, board, term, parties, {2: NEW})
    assert Person.objects.filter(last_name="Exempelsson").count() == 2
    assert not Membership.objects.filter(person=anna).exists()


def test_an_answer_that_is_not_one_of_the_namesakes_is_refused(secretary, board, term, parties):
    person(parties, "Anna", "Exempelsson", "S")
    stranger = person(parties, "Främling", "Annan", "S")
    plan = _plan(board, term, parties, {2: str(stranger.pk)})
    assert "Välj igen" in str(plan.problems[0])
    with pytest.raises(ValidationError):
        _save(secretary, board, term, parties, {2: str(stranger.pk)})
    assert not Membership.objects.exists()


def test_an_existing_chair_and_existing_places_count(secretary, board, term, parties):
    seat(person(parties, "Olle", "Ordförande", "M"), board, CHAIR, term)
    seat(person(parties, "Sara", "Ersättare", "S"), board, SUBSTITUTE, term)
    plan = _plan(board, term, parties)
    messages = [str(p) for p in plan.problems]
    assert any("Rad 2: Regionstyrelsen har redan en ordförande" in m for m in messages)
    # S's substitutes in the file follow the one already seated
    assert [s.order for s in plan.substitutes if s.row.party_code == "S"] == [2, 3]
    with pytest.raises(ValidationError, match="har redan en ordförande"):
        _save(secretary, board, term, parties)
    assert Membership.objects.count() == 2 and Person.objects.count() == 2


def test_places_given_in_the_file_must_make_1_to_n(secretary, board, term, parties):
    text = "namn;parti;roll;ordning\nEva Fiktiv;S;ersättare;1\nFilip Påhitt;S;ersättare;3\n"
    plan = _plan(board, term, parties, text=text)
    assert [str(p) for p in plan.problems] == [
        "Ersättarnas ordning för S: nr 2 saknas. Ordningen ska vara 1–2 utan luckor och dubbletter."
    ]
    with pytest.raises(ValidationError, match="nr 2 saknas"):
        _save(secretary, board, term, parties, text=text)
    seat(person(parties, "Sara", "Ersättare", "S"), board, SUBSTITUTE, term)
    text = "namn;parti;roll;ordning\nEva Fiktiv;S;ersättare;1\nFilip Påhitt;S;ersättare;2\n"
    assert "nr 1 finns flera gånger" in str(_plan(board, term, parties, text=text).problems[0])
    assert Membership.objects.count() == 1


def test_a_person_already_seated_is_refused(secretary, board, term, parties):
    anna = person(parties, "Anna", "Exempelsson", "S")
    seat(anna, board, SUBSTITUTE, term)
    text = "namn;parti;roll;ordning\nAnna Exempelsson;S;ledamot;\n"
    plan = _plan(board, term, parties, {2: str(anna.pk)}, text=text)
    assert "har redan ett uppdrag i Regionstyrelsen" in str(plan.problems[0])


def test_the_first_day_lies_inside_the_term(secretary, board, term, parties):
    plan = _plan(board, term, parties, start=D(2027, 1, 1))
    assert "ligger utanför mandatperioden" in str(plan.problems[0])
    with pytest.raises(ValidationError):
        _save(secretary, board, term, parties, start=D(2027, 1, 1))
    mid = _save(secretary, board, term, parties, start=D(2024, 6, 1))
    assert mid.start == D(2024, 6, 1)
    assert set(Membership.objects.values_list("start", flat=True)) == {D(2024, 6, 1)}


def test_a_chair_from_a_seat_without_term_later_in_the_period_is_found(
    secretary, board, term, parties
):
    """A seat imported from an old notice (no term, no end) that starts late in the term still
    holds the chair: the save is refused and nothing of the file is written."""
    later = person(parties, "Lena", "Senare", "M")
    services.membership_create(
        actor=None, person=later, organization=board, role=CHAIR, start=D(2026, 1, 1)
    )
    with pytest.raises(ValidationError):
        _save(secretary, board, term, parties)
    assert Membership.objects.count() == 1 and Person.objects.count() == 1
    assert not AuditEntry.objects.filter(action="seats_import").exists()


def test_only_secretaries_and_administrators(registrar, board, term, parties):
    with pytest.raises(PermissionDenied):
        _save(registrar, board, term, parties)
    assert not Person.objects.exists()
