"""The briefing memo: header filled from case and meeting, every validation rule, ready only
when nothing is wrong, the corpus's three real defects (items 5, 7 and 8) caught."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.memos.models import MemoStatus, RecipientKind
from kansli.memos.services import BasisInput, RecipientInput
from kansli.memos.validation import memo_validate
from kansli.people.models import Body, Organization
from kansli.registry.models import Series

from ..shared import shared_fixtures
from .memo_helpers import (
    MEETING_DAY,
    SECTIONS,
    case_with_document,
    fill,
    item_with_memo,
    routed_board,
)

T = datetime.time


@dataclass
class Routed:
    rs: Organization
    meeting: Meeting
    item: AgendaItem


def routed(body: Body, series: Series) -> Routed:
    rs = routed_board(body)
    meeting = services.meeting_create(
        actor=None, organization=rs, date=MEETING_DAY, start_time=T(9, 30), place="Hörsal L1"
    )
    case, _ = case_with_document(body, series)
    return Routed(rs, meeting, item_with_memo(meeting, case))


_shared_data, body, series, shared = shared_fixtures(routed, "shared")


@pytest.fixture
def rs(shared):
    return shared.rs


@pytest.fixture
def meeting(shared):
    return shared.meeting


@pytest.fixture
def item(shared):
    return shared.item


def problems(item):
    item.refresh_from_db()
    return memo_validate(item.memo, services.memo_context(item))


def fields(item):
    return [p.field for p in problems(item)]


def test_header_is_filled_from_case_and_meeting(item):
    memo = item.memo
    assert memo.case_number == "20RS6617"
    assert memo.meeting_date == MEETING_DAY
    assert memo.organization.name == "Regionstyrelsen"
    assert memo.proposal_id == item.proposal_id  # one proposal: the agenda's and the memo's
    assert memo.status == MemoStatus.DRAFT


def test_a_new_memo_lists_every_missing_part_at_once(item):
    found = fields(item)
    for field in ("sammanfattning", "konsekvenser", "ekonomi", "uppfoljning"):
        assert field in found
    assert "beslutsunderlag" in found and "skickas_till" in found and "underskrift" in found


def test_a_complete_memo_has_no_problems_and_can_be_marked_ready(item, secretary):
    fill(item.memo)
    assert problems(item) == []
    memo = services.agenda_item_memo_mark_ready(actor=secretary, item=item)
    assert memo.status == MemoStatus.READY and memo.ready_by == secretary
    assert AuditEntry.objects.filter(action="memo_mark_ready", object_id=str(memo.pk)).exists()


def test_editing_a_ready_memo_makes_it_a_draft_again(item, secretary):
    fill(item.memo)
    services.agenda_item_memo_mark_ready(actor=secretary, item=item)
    memo = fill(item.memo, actor=secretary, title="Ny rubrik")
    assert memo.status == MemoStatus.DRAFT and memo.ready_at is None


def test_corpus_item_5_unfilled_name_is_caught(item):
    """Item 5 of the notice: "utse ..... (S)" left in the clause."""
    fill(
        item.memo,
        formula="Regionstyrelsen beslutar",
        clauses=[
            "att bevilja entledigandet, samt",
            "att till ny ersättare utse ..... (S) för tiden 2020-08-26 – 2022-12-31.",
        ],
    )
    found = problems(item)
    assert [p.field for p in found] == ["att_2"]
    assert "....." in found[0].message


def test_corpus_items_7_and_8_unfilled_recipient_list_is_caught(item):
    """Items 7 and 8: "Skickas till" still holds the template's instruction."""
    fill(
        item.memo,
        recipients=[
            RecipientInput(RecipientKind.TEXT, text="(Ange vem/vilka beslutet ska skickas till)")
        ],
    )
    found = problems(item)
    assert [p.field for p in found] == ["skickas_till"]
    assert "(Ange vem/vilka beslutet ska skickas till)" in found[0].message


def test_a_memo_with_problems_cannot_be_marked_ready(item, secretary):
    fill(item.memo, recipients=[])
    with pytest.raises(ValidationError) as error:
        services.agenda_item_memo_mark_ready(actor=secretary, item=item)
    assert any("Skickas till" in m for m in error.value.messages)
    item.memo.refresh_from_db()
    assert item.memo.status == MemoStatus.DRAFT


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"meeting_date": datetime.date(2020, 8, 19)}, "sammantradesdatum", "2020-08-19"),
        ({"case_number": "20RS6550"}, "dnr", "20RS6550"),
        ({"clauses": ["remittera motionen."]}, "att_1", "börjar inte med ”att”"),
        ({"clauses": []}, "att_1", "ingen att-sats"),
        ({"formula": "Kommunstyrelsen beslutar"}, "beslutsformel", "Kommunstyrelsen"),
        (
            {"formula": "Regionstyrelsen föreslår hälso- och sjukvårdsnämnden besluta"},
            "beslutsformel",
            "hälso- och sjukvårdsnämnden",
        ),
        ({"recipients": []}, "skickas_till", "tom"),
        ({"basis": []}, "beslutsunderlag", "saknas"),
        ({"signatory_title": ""}, "underskrift", "namn och titel"),
        ({"sections": {**SECTIONS, "ekonomi": "  "}}, "ekonomi", "Ekonomiska konsekvenser"),
        ({"sections": {**SECTIONS, "uppfoljning": ""}}, "uppfoljning", "Uppföljning"),
        (
            {"sections": {**SECTIONS, "sammanfattning": "Kontakta XX om ärendet."}},
            "sammanfattning",
            "XX",
        ),
        ({"title": "Val av [namn]"}, "rubrik", "[namn]"),
        ({"basis": [BasisInput("Yttrande från NN")]}, "beslutsunderlag", "NN"),
    ],
)
def test_each_rule(item, changes, field, words):
    fill(item.memo, **changes)
    found = problems(item)
    assert field in [p.field for p in found], found
    assert any(words in p.message for p in found if p.field == field)


def test_bad_input_is_refused_whole(item, body, series):
    memo = fill(item.memo)
    _, other_document = case_with_document(body, series, number="20RS8413")
    with pytest.raises(ValidationError) as error:
        fill(
            memo,
            title="x" * 501,
            sections={**SECTIONS, "okänt": "x"},
            basis=[BasisInput("Annat ärendes handling", other_document)],
            recipients=[RecipientInput(RecipientKind.PERSON)],
        )
    messages = " ".join(error.value.messages)
    assert "500 tecken" in messages and "Okänt avsnitt" in messages
    assert "hör inte till ärendet" in messages and "välj en person" in messages
    memo.refresh_from_db()
    assert memo.title != "x" * 501 and memo.basis.count() == 2  # nothing changed


def test_section_over_the_limit_is_refused(item):
    with pytest.raises(ValidationError, match="för långt"):
        fill(item.memo, sections={**SECTIONS, "sammanfattning": "a" * 50_001})


def test_elected_members_may_not_write_memos(item, elected):
    with pytest.raises(PermissionDenied):
        fill(item.memo, actor=elected)


def test_an_item_without_case_gets_no_memo(meeting):
    bare = services.agenda_item_add(actor=None, meeting=meeting, title="Information")
    with pytest.raises(ValidationError, match="inget ärende"):
        services.agenda_item_memo_create(actor=None, item=bare)


def test_second_memo_for_an_item_is_refused(item):
    with pytest.raises(ValidationError, match="redan"):
        services.agenda_item_memo_create(actor=None, item=item)
