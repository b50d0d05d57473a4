"""The minutes services: attendance, substitutes, quorum, votes, paragraphs."""

import re

import pytest
from django.core.exceptions import ValidationError

from kansli.core.models import AuditEntry
from kansli.meetings import services as meetings
from kansli.minutes import services
from kansli.minutes.composition import Roll
from kansli.minutes.models import Attendance, Paragraph, Vote
from kansli.minutes.permissions import KEEP_MINUTES
from kansli.minutes.services import AttendanceInput, Entry

from ..shared import shared_fixtures
from .helpers import D, board_with_meeting, paragraph, started_minutes

_shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")


@pytest.fixture
def minutes(b):
    return started_minutes(b)


def present(b, minutes, *names, **bounds):
    """Record attendance: the named people, with (from, to) per name where given."""
    entries = []
    for name in names:
        start, end = bounds.get(name.replace("ö", "o").replace("ä", "a"), (None, None))
        entries.append(AttendanceInput(b[name], start, end))
    return services.attendance_record(actor=None, minutes=minutes, entries=entries)


def serving_names(minutes, item: int) -> list[str]:
    return sorted(
        f"{s.person.last_name}" + (f">{s.replaces.last_name}" if s.replaces else "")
        for s in Roll.of(minutes).at_item(item).serving
    )


def test_minutes_start_from_the_agenda(b, minutes):
    assert [(p.number, p.title) for p in minutes.paragraphs.order_by("number")] == [
        (1, "Protokollsjustering"),
        (2, "Motion om gröna obligationer"),
        (3, "Delårsrapport"),
    ]
    p2 = paragraph(minutes, 2)
    assert p2.decision_formula == "Regionstyrelsen föreslår regionfullmäktige besluta"
    assert p2.decision_clauses == ["att avslå motionen."]
    assert [r["name"] for r in p2.send_to] == ["Regionfullmäktige", "Willhelm Sundman (L)"]
    assert minutes.chair == b["Svahn"]
    assert minutes.adjuster == b["Karlsson"]
    assert minutes.substitute_adjuster == b["Sundin"]
    assert Attendance.objects.filter(minutes=minutes).count() == 5
    assert AuditEntry.objects.filter(action="minutes_create").count() == 1


def test_paragraph_numbers_continue_across_meetings_within_the_year(b, body, series, minutes):
    later = meetings.meeting_create(
        actor=None,
        organization=b.board,
        date=D(2020, 9, 23),
        start_time=minutes.meeting.start_time,
        place="Regionens hus",
    )
    meetings.agenda_item_add(actor=None, meeting=later, title="Protokollsjustering")
    meetings.agenda_item_add(actor=None, meeting=later, title="Information")
    second = services.minutes_create(actor=None, meeting=later)
    assert sorted(second.paragraphs.values_list("number", flat=True)) == [4, 5]


def test_first_number_may_not_reuse_a_paragraph_of_the_year(b, minutes):
    later = meetings.meeting_create(
        actor=None,
        organization=b.board,
        date=D(2020, 9, 23),
        start_time=minutes.meeting.start_time,
        place="Regionens hus",
    )
    meetings.agenda_item_add(actor=None, meeting=later, title="Information")
    with pytest.raises(ValidationError, match="numreringen fortsätter från § 4"):
        services.minutes_create(actor=None, meeting=later, first_number=2)
    assert not Paragraph.objects.filter(minutes__meeting=later).exists()


def test_a_new_year_starts_at_paragraph_one(b, minutes):
    later = meetings.meeting_create(
        actor=None,
        organization=b.board,
        date=D(2021, 1, 20),
        start_time=minutes.meeting.start_time,
        place="Regionens hus",
    )
    meetings.agenda_item_add(actor=None, meeting=later, title="Information")
    assert services.minutes_create(actor=None, meeting=later).paragraphs.get().number == 1


def test_an_absent_member_is_replaced_by_own_party_substitute_first(b, minutes):
    present(b, minutes, "Svahn", "Karlsson", "Sundin", "Menhem", "Svärd", "Habib", "Dahl")
    # Höijer (S) is away: Dahl (S, first in order) serves, not Svärd (M).
    assert serving_names(minutes, 2) == [
        "Dahl>Höijer",
        "Karlsson",
        "Menhem",
        "Sundin",
        "Svahn",
    ]
    composition = Roll.of(minutes).at_item(2)
    assert [p.last_name for p in composition.substitutes_present] == ["Habib", "Svärd"]


def test_other_party_substitute_serves_in_party_order_when_own_party_has_none(b, minutes):
    present(b, minutes, "Svahn", "Karlsson", "Sundin", "Höijer", "Svärd", "Dahl")
    # Menhem (V) is away and Carlqvist (V) too: party order S,M,… gives Dahl (S).
    assert "Dahl>Menhem" in serving_names(minutes, 2)


def test_secretary_may_choose_the_substitute(b, minutes):
    services.attendance_record(
        actor=None,
        minutes=minutes,
        entries=[
            AttendanceInput(b["Svahn"]),
            AttendanceInput(b["Karlsson"]),
            AttendanceInput(b["Sundin"]),
            AttendanceInput(b["Menhem"]),
            AttendanceInput(b["Dahl"]),
            AttendanceInput(b["Habib"], replaces=b["Höijer"]),
        ],
    )
    assert "Habib>Höijer" in serving_names(minutes, 2)


def test_a_member_arriving_late_takes_over_from_the_substitute(b, minutes):
    services.attendance_record(
        actor=None,
        minutes=minutes,
        entries=[
            AttendanceInput(b["Svahn"]),
            AttendanceInput(b["Karlsson"]),
            AttendanceInput(b["Sundin"]),
            AttendanceInput(b["Menhem"]),
            AttendanceInput(b["Höijer"], from_item=2),
            AttendanceInput(b["Dahl"]),
        ],
    )
    assert "Dahl>Höijer" in serving_names(minutes, 1)
    assert "Höijer" in serving_names(minutes, 2)
    assert "Dahl>Höijer" not in serving_names(minutes, 2)


def test_a_disqualified_member_is_replaced_for_that_item_only(b, minutes):
    services.attendance_record(
        actor=None,
        minutes=minutes,
        entries=[
            AttendanceInput(b[n])
            for n in ("Svahn", "Karlsson", "Sundin", "Höijer", "Menhem", "Dahl")
        ],
    )
    p3 = paragraph(minutes, 3)
    services.paragraph_update(
        actor=None,
        paragraph=p3,
        decision_formula="Regionstyrelsen beslutar",
        decision_clauses=["att godkänna delårsrapporten."],
        disqualified=[b["Sundin"]],
    )
    roll = Roll.of(minutes)
    at3 = roll.at_item(3, {b["Sundin"].pk})
    assert any(s.person == b["Dahl"] and s.replaces == b["Sundin"] for s in at3.serving)
    assert [p.last_name for p in at3.disqualified] == ["Sundin"]
    assert not any(s.person == b["Dahl"] for s in roll.at_item(2).serving)


@pytest.mark.parametrize(
    "names",
    [
        ["Svahn", "Karlsson", "Sundin", "Höijer", "Menhem", "Kask"],
        ["Svahn", "Karlsson", "Sundin", "Höijer", "Menhem", "Svahn"],
    ],
)
def test_attendance_of_strangers_or_twice_is_refused(b, minutes, names, body):
    from kansli.people import services as people

    b.people["Kask"] = people.person_create(actor=None, first_name="Gunnel", last_name="Kask")
    before = list(Attendance.objects.filter(minutes=minutes).values_list("person_id", flat=True))
    with pytest.raises(ValidationError):
        services.attendance_record(
            actor=None, minutes=minutes, entries=[AttendanceInput(b[n]) for n in names]
        )
    after = list(Attendance.objects.filter(minutes=minutes).values_list("person_id", flat=True))
    assert after == before


def test_attendance_bounds_must_be_items_in_order(b, minutes):
    with pytest.raises(ValidationError, match="punkt 9 finns inte"):
        services.attendance_record(
            actor=None, minutes=minutes, entries=[AttendanceInput(b["Svahn"], 1, 9)]
        )
    with pytest.raises(ValidationError, match="sluta före den börjar"):
        services.attendance_record(
            actor=None, minutes=minutes, entries=[AttendanceInput(b["Svahn"], 3, 2)]
        )


def test_a_decision_without_quorum_is_refused_and_nothing_written(b, minutes):
    present(b, minutes, "Svahn", "Karlsson")
    p2 = paragraph(minutes, 2)
    with pytest.raises(ValidationError, match="inte beslutsför vid § 2: 2 av 5 ledamöter"):
        services.paragraph_update(
            actor=None,
            paragraph=p2,
            decision_formula="Regionstyrelsen beslutar",
            decision_clauses=["att bifalla motionen."],
        )
    p2.refresh_from_db()
    assert p2.decision_clauses == ["att avslå motionen."]


def test_paragraph_update_records_proposals_reservations_and_notes(b, minutes):
    p2 = paragraph(minutes, 2)
    services.paragraph_update(
        actor=None,
        paragraph=p2,
        decision_formula="Regionstyrelsen föreslår regionfullmäktige besluta",
        decision_clauses=["att avslå motionen."],
        proposition_order="Ordföranden ställer proposition på förslagen.",
        proposals=[Entry(b["Menhem"], "bifall till motionen"), Entry(b["Svahn"], "avslag")],
        reservations=[Entry(b["Menhem"], "till förmån för eget yrkande")],
        notes=[Entry(None, "Ärendet bordlades inte.")],
    )
    assert [(p.position, p.person.last_name) for p in p2.proposals.all()] == [
        (1, "Menhem"),
        (2, "Svahn"),
    ]
    assert p2.reservations.get().text == "till förmån för eget yrkande"
    assert p2.notes.get().text == "Ärendet bordlades inte."


@pytest.mark.parametrize(
    ("formula", "clauses", "message"),
    [
        ("Vi tycker", ["att avslå motionen."], "Beslutsformeln"),
        ("Regionstyrelsen beslutar", [], "minst en att-sats"),
        ("Regionstyrelsen beslutar", ["avslå motionen."], "ska börja med ”att”"),
    ],
)
def test_a_malformed_decision_is_refused(b, minutes, formula, clauses, message):
    with pytest.raises(ValidationError, match=message):
        services.paragraph_update(
            actor=None,
            paragraph=paragraph(minutes, 2),
            decision_formula=formula,
            decision_clauses=clauses,
        )


@pytest.mark.parametrize(
    ("kind", "wording"),
    [
        ("proposals", "Ett yrkande kan bara göras av en tjänstgörande ledamot"),
        ("reservations", "En reservation kan bara göras av en tjänstgörande ledamot"),
    ],
)
def test_a_proposal_or_reservation_from_someone_not_serving_is_refused(b, minutes, kind, wording):
    with pytest.raises(ValidationError) as caught:
        services.paragraph_update(
            actor=None,
            paragraph=paragraph(minutes, 2),
            decision_formula="Regionstyrelsen beslutar",
            decision_clauses=["att avslå motionen."],
            **{kind: [Entry(b["Habib"], "bifall")]},
        )
    [message] = caught.value.messages
    assert message.startswith(wording) and "Zaki Habib (S) tjänstgör inte" in message


def ballots(b, **choices):
    return {b[name]: choice for name, choice in choices.items()}


def test_a_vote_is_decided_by_majority(b, minutes):
    vote = services.vote_record(
        actor=None,
        paragraph=paragraph(minutes, 2),
        yes_label="avslag på motionen",
        no_label="bifall till motionen",
        ballots=ballots(b, Svahn="ja", Karlsson="ja", Sundin="ja", Höijer="nej", Menhem="nej"),
    )
    assert vote.casting == ""
    assert vote.ballots.count() == 5


def test_a_tie_is_decided_by_the_chairs_casting_vote(b, minutes):
    present(b, minutes, "Svahn", "Karlsson", "Sundin", "Menhem")
    vote = services.vote_record(
        actor=None,
        paragraph=paragraph(minutes, 2),
        yes_label="avslag",
        no_label="bifall",
        ballots=ballots(b, Svahn="nej", Karlsson="ja", Sundin="ja", Menhem="nej"),
    )
    assert vote.casting == "nej"
    from kansli.minutes.outcome import vote_result

    assert vote_result(vote).result == "nej"
    assert vote_result(vote).casting_used


def test_a_tie_when_the_chair_abstained_is_refused(b, minutes):
    with pytest.raises(ValidationError, match="ordförandens röst avgör"):
        services.vote_record(
            actor=None,
            paragraph=paragraph(minutes, 2),
            yes_label="avslag",
            no_label="bifall",
            ballots=ballots(
                b, Svahn="avstar", Karlsson="ja", Sundin="ja", Höijer="nej", Menhem="nej"
            ),
        )
    assert not Vote.objects.exists()


def test_a_tied_election_is_decided_by_lot_and_the_lot_recorded(b, minutes):
    present(b, minutes, "Svahn", "Karlsson", "Sundin", "Menhem")
    p1 = paragraph(minutes, 1)
    arguments = dict(
        actor=None,
        paragraph=p1,
        yes_label="Ola Karlsson (M) väljs",
        no_label="Jihad Menhem (V) väljs",
        ballots=ballots(b, Svahn="ja", Karlsson="ja", Sundin="nej", Menhem="nej"),
        election=True,
    )
    with pytest.raises(ValidationError, match="lottningen"):
        services.vote_record(**arguments)
    vote = services.vote_record(**arguments, lot="nej")
    assert vote.lot == "nej"
    assert vote.casting == ""


def test_a_vote_from_a_member_not_serving_is_refused(b, minutes):
    with pytest.raises(ValidationError, match=r"Habib.*tjänstgör inte vid § 2"):
        services.vote_record(
            actor=None,
            paragraph=paragraph(minutes, 2),
            yes_label="avslag",
            no_label="bifall",
            ballots=ballots(
                b, Svahn="ja", Karlsson="ja", Sundin="ja", Höijer="nej", Menhem="nej", Habib="ja"
            ),
        )
    assert not Vote.objects.exists()


def test_a_vote_must_record_every_serving_member(b, minutes):
    with pytest.raises(ValidationError, match="saknas för Jihad Menhem"):
        services.vote_record(
            actor=None,
            paragraph=paragraph(minutes, 2),
            yes_label="avslag",
            no_label="bifall",
            ballots=ballots(b, Svahn="ja", Karlsson="ja", Sundin="ja", Höijer="nej"),
        )


def test_an_unknown_choice_is_refused(b, minutes):
    with pytest.raises(ValidationError, match="Okänd röst"):
        services.vote_record(
            actor=None,
            paragraph=paragraph(minutes, 2),
            yes_label="avslag",
            no_label="bifall",
            ballots=ballots(
                b, Svahn="ja", Karlsson="kanske", Sundin="ja", Höijer="nej", Menhem="nej"
            ),
        )


def test_only_secretaries_keep_minutes(b, minutes, elected):
    with pytest.raises(Exception, match=re.escape(KEEP_MINUTES.refusal)):
        services.attendance_record(actor=elected, minutes=minutes, entries=[])
