"""Changing a meeting's agenda: before the minutes the secretary's, once they are started only
through the minutes, once adjusted never."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.core.confirm import NeedsConfirmation
from kansli.core.models import AuditEntry
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, CaseStep, StepStatus
from kansli.minutes import services as minutes_services
from kansli.minutes.agenda_lock import ADJUSTED, STARTED
from kansli.registry.services import case_register

from ..minutes.helpers import started_minutes
from ..shared import shared_fixtures
from .lifecycle_helpers import board_with_upcoming_meeting, upcoming

pytestmark = pytest.mark.django_db


_shared_data, body, series, b = shared_fixtures(board_with_upcoming_meeting, "b")


def titles(meeting):
    return [
        (i.number, i.title) for i in AgendaItem.objects.filter(meeting=meeting).order_by("number")
    ]


def test_an_item_from_a_case_takes_the_case_title(b, secretary, series):
    case = case_register(actor=None, body=b.body, series=series, title="Regionplan 2027")
    item = services.agenda_item_add(actor=secretary, meeting=b.meeting, case=case, confirmed=False)
    assert item.title == "Regionplan 2027"
    assert item.number == 4
    assert CaseStep.objects.get(agenda_item=item).status == StepStatus.ON_AGENDA


def test_an_item_needs_a_title_or_a_case(b, secretary):
    with pytest.raises(ValidationError) as refused:
        services.agenda_item_add(actor=secretary, meeting=b.meeting, title="  ", confirmed=False)
    assert "Ange rubrik" in str(refused.value)
    assert AgendaItem.objects.filter(meeting=b.meeting).count() == 3


def test_a_case_of_today_on_a_2020_meeting_is_asked_about(b, body, series, secretary):
    old = services.meeting_create(
        actor=None,
        organization=b.board,
        date=datetime.date(2020, 8, 26),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        place="Regionens hus",
        absence_contact="",
    )
    case = case_register(actor=None, body=body, series=series, title="Ny fråga")
    with pytest.raises(NeedsConfirmation) as asked:
        services.agenda_item_add(actor=secretary, meeting=old, case=case, confirmed=False)
    questions = " ".join(asked.value.messages)
    assert "har redan varit" in questions
    assert f"registrerades {case.registered_on.isoformat()}, efter sammanträdet" in questions
    assert AgendaItem.objects.filter(case=case).count() == 0
    item = services.agenda_item_add(actor=secretary, meeting=old, case=case, confirmed=True)
    assert item.case == case


def test_edit_an_item(b, secretary):
    item = b.meeting.items.get(number=3)
    services.agenda_item_update(
        actor=secretary,
        item=item,
        title="Delårsrapport per augusti",
        is_public=True,
        case=item.case,
        formula="Regionstyrelsen beslutar",
        clauses=["att godkänna delårsrapporten", "att lägga den till handlingarna."],
    )
    item.refresh_from_db()
    assert item.title == "Delårsrapport per augusti"
    assert [c.text for c in item.proposal.clauses.order_by("position")][1].startswith("att lägga")
    entry = AuditEntry.objects.filter(action="agenda_item_update").get()
    assert entry.changes["title"] == ["Delårsrapport", "Delårsrapport per augusti"]


def test_an_item_with_a_memo_keeps_its_case(b, secretary, series):
    item = b.meeting.items.get(number=2)  # has a memo
    other = case_register(actor=None, body=b.body, series=series, title="Annat")
    with pytest.raises(ValidationError) as refused:
        services.agenda_item_update(
            actor=secretary, item=item, title=item.title, is_public=True, case=other
        )
    assert "föredragnings-PM" in str(refused.value)


def test_reorder_numbers_the_items_in_the_new_order(b, secretary):
    items = list(b.meeting.items.order_by("number"))
    services.agenda_reorder(
        actor=secretary, meeting=b.meeting, order=[items[2].pk, items[0].pk, items[1].pk]
    )
    assert titles(b.meeting) == [
        (1, "Delårsrapport"),
        (2, "Protokollsjustering"),
        (3, "Motion om gröna obligationer"),
    ]
    assert "3→1" in AuditEntry.objects.get(action="agenda_reorder").summary


@pytest.mark.parametrize("order", [[], "missing", "twice", "foreign"])
def test_reorder_refuses_an_order_that_is_not_every_item_once(b, secretary, order, series):
    items = [i.pk for i in b.meeting.items.order_by("number")]
    bad = (
        {
            "missing": items[:2],
            "twice": [items[0], items[0], items[1]],
            "foreign": [*items[:2], 999_999],
        }.get(order, [])
        if order
        else []
    )
    with pytest.raises(ValidationError) as refused:
        services.agenda_reorder(actor=secretary, meeting=b.meeting, order=bad)
    assert "precis en gång" in str(refused.value)
    assert [i.pk for i in b.meeting.items.order_by("number")] == items


def test_move_up_and_down(b, secretary):
    first = b.meeting.items.get(number=1)
    services.agenda_item_move(actor=secretary, item=first, step=1)
    assert titles(b.meeting)[1] == (2, "Protokollsjustering")
    with pytest.raises(ValidationError, match="står redan sist"):
        services.agenda_item_move(actor=secretary, item=b.meeting.items.get(number=3), step=1)
    with pytest.raises(ValidationError, match="står redan först"):
        services.agenda_item_move(actor=secretary, item=b.meeting.items.get(number=1), step=-1)


def test_withdraw_and_restore(b, secretary):
    item = b.meeting.items.get(number=3)
    services.agenda_item_withdraw(actor=secretary, item=item, reason="Underlaget saknas")
    item.refresh_from_db()
    assert item.is_withdrawn and item.withdrawal_reason == "Underlaget saknas"
    with pytest.raises(ValidationError, match="utgår redan"):
        services.agenda_item_withdraw(actor=secretary, item=item)
    services.agenda_item_withdraw(actor=secretary, item=item, withdraw=False)
    item.refresh_from_db()
    assert not item.is_withdrawn


def test_a_withdrawn_item_gets_no_paragraph(b, secretary):
    services.agenda_item_withdraw(actor=secretary, item=b.meeting.items.get(number=3))
    minutes = started_minutes(b)
    assert list(minutes.paragraphs.values_list("title", flat=True)) == [
        "Protokollsjustering",
        "Motion om gröna obligationer",
    ]


def test_remove_renumbers_and_frees_the_case(b, secretary):
    item = b.meeting.items.get(number=2)
    case, memo = item.case, item.memo
    services.agenda_item_remove(actor=secretary, item=item)
    assert titles(b.meeting) == [(1, "Protokollsjustering"), (2, "Delårsrapport")]
    assert not CaseStep.objects.filter(case=case).exists()
    memo.refresh_from_db()  # the memo stays, free for another meeting
    assert not hasattr(memo, "agenda_item") or memo.agenda_item is None


def test_remove_of_a_step_an_earlier_decision_made_returns_it_to_waiting(b, secretary, series):
    case = case_register(actor=None, body=b.body, series=series, title="Från utskottet")
    step = CaseStep.objects.create(case=case, organization=b.board, position=2)
    CaseStep.objects.create(case=case, organization=b.council, position=1, status="beslutad")
    step.previous = CaseStep.objects.get(case=case, position=1)
    step.save()
    item = services.agenda_item_add(actor=secretary, meeting=b.meeting, case=case)
    services.agenda_item_remove(actor=secretary, item=item)
    step.refresh_from_db()
    assert step.status == StepStatus.WAITING and step.agenda_item is None


def test_started_minutes_take_the_agenda_over(b, secretary):
    minutes = started_minutes(b)
    item = b.meeting.items.get(number=3)
    for change in (
        lambda: services.agenda_item_add(actor=secretary, meeting=b.meeting, title="Extra"),
        lambda: services.agenda_item_withdraw(actor=secretary, item=item),
        lambda: services.agenda_item_remove(actor=secretary, item=item),
        lambda: services.agenda_item_move(actor=secretary, item=item, step=-1),
        lambda: services.agenda_item_update(
            actor=secretary, item=item, title="X", is_public=True, case=item.case
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            change()
        assert refused.value.messages == [STARTED]
    # the route: through the minutes
    paragraph = minutes_services.minutes_item_add(
        actor=secretary, minutes=minutes, title="Information om vaccinationerna"
    )
    assert paragraph.number == minutes.paragraphs.order_by("number")[2].number + 1
    assert paragraph.agenda_item.number == 4
    withdrawn = minutes_services.paragraph_withdraw(
        actor=secretary, paragraph=minutes.paragraphs.get(agenda_item=item), reason="Ej berett"
    )
    assert withdrawn.withdrawn and withdrawn.decision_clauses == []
    item.refresh_from_db()
    assert item.is_withdrawn
    assert CaseStep.objects.get(case=item.case).status == StepStatus.WAITING
    with pytest.raises(ValidationError, match="utgick"):
        minutes_services.paragraph_update(
            actor=secretary,
            paragraph=withdrawn,
            decision_formula="Regionstyrelsen beslutar",
            decision_clauses=["att godkänna."],
        )


def test_adjusted_minutes_close_the_agenda_for_good(b, secretary):
    from kansli.minutes.models import Minutes

    minutes = started_minutes(b)
    Minutes.objects.filter(pk=minutes.pk).update(status="justerat")
    with pytest.raises(ValidationError) as refused:
        services.agenda_item_add(actor=secretary, meeting=b.meeting, title="Sent")
    assert refused.value.messages == [ADJUSTED]
    with pytest.raises(ValidationError):
        minutes_services.minutes_item_add(actor=secretary, minutes=minutes, title="Sent")
    assert b.meeting.items.count() == 3


def test_a_cancelled_meeting_takes_no_items(b, secretary):
    services.meeting_cancel(actor=secretary, meeting=b.meeting)
    with pytest.raises(ValidationError, match="inställt"):
        services.agenda_item_add(actor=secretary, meeting=b.meeting, title="Något")


def test_only_those_who_manage_meetings_change_the_agenda(b, registrar, db):
    from django.core.exceptions import PermissionDenied

    from kansli.core.roles import Role
    from tests.conftest import _user

    official = _user("handlaggare", Role.OFFICIAL)
    with pytest.raises(PermissionDenied):
        services.agenda_item_add(actor=official, meeting=b.meeting, title="Något")
    item = b.meeting.items.get(number=1)
    with pytest.raises(PermissionDenied):
        services.agenda_item_remove(actor=official, item=item)
    assert b.meeting.items.count() == 3


def test_memo_from_an_earlier_organ(b, secretary, series):
    """The board's memo for a case is offered as the council's starting text, its proposal
    turned into the council's own decision."""
    from kansli.meetings.services import meeting_create

    council_meeting = meeting_create(
        actor=None,
        organization=b.council,
        date=upcoming(40),
        start_time=datetime.time(10, 0),
        place="Konserthuset, Örebro",
    )
    board_item = b.meeting.items.get(number=2)
    item = services.agenda_item_add(actor=secretary, meeting=council_meeting, case=board_item.case)
    earlier = services.earlier_memos(item)
    assert earlier == [board_item.memo]
    memo = services.agenda_item_memo_create(actor=secretary, item=item, start_from=earlier[0])
    assert memo.proposal.formula == "Regionfullmäktige beslutar"
    assert [c.text for c in memo.proposal.clauses.all()] == ["att avslå motionen."]
    summary = memo.sections.get(key="sammanfattning").text
    assert summary == board_item.memo.sections.get(key="sammanfattning").text
    assert [r.label for r in memo.recipients.all()] == [
        r.label for r in board_item.memo.recipients.all()
    ]


def test_memo_start_from_must_be_an_earlier_memo_of_the_case(b, secretary):
    other = b.meeting.items.get(number=2).memo
    item = b.meeting.items.get(number=3)  # another case
    with pytest.raises(ValidationError, match="samma ärende"):
        services.agenda_item_memo_create(actor=secretary, item=item, start_from=other)
    assert item.memo_id is None
