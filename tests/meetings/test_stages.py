"""Where a meeting stands: its stages from the agenda to the dispatch, each with the next
action, read by the meeting page."""

import pytest
from django.urls import reverse

from kansli.meetings import services
from kansli.meetings.stages import meeting_stages, next_stage
from kansli.memos.models import Memo, MemoStatus

from ..minutes.helpers import started_minutes
from ..shared import shared_fixtures
from .lifecycle_helpers import board_with_upcoming_meeting

pytestmark = pytest.mark.django_db


_shared_data, body, series, b = shared_fixtures(board_with_upcoming_meeting, "b")


def by_key(meeting, viewer):
    return {s.key: s for s in meeting_stages(meeting, viewer)}


def test_a_new_meetings_stages(b, secretary):
    stages = by_key(b.meeting, secretary)
    assert list(stages) == [
        "agenda",
        "memos",
        "book",
        "notice",
        "minutes",
        "signed",
        "posted",
        "dispatched",
    ]
    assert stages["agenda"].done and stages["agenda"].detail == "3 punkter"
    assert stages["memos"].detail == "0 av 2"  # items 2 and 3 have cases; no memo is ready
    assert stages["memos"].action == "PM för punkt 2"
    assert stages["notice"].done is False and stages["notice"].action == "Skicka kallelsen"
    assert stages["minutes"].done is False and stages["signed"].done is None
    assert next_stage(meeting_stages(b.meeting, secretary)).key == "memos"


def test_the_notice_stage_counts_and_flags_changes(b, secretary):
    services.notice_send(actor=secretary, meeting=b.meeting, site_url="https://k.example.se/")
    stage = by_key(b.meeting, secretary)["notice"]
    assert stage.done and stage.detail == "Till 9 av 9."
    services.agenda_item_withdraw(actor=secretary, item=b.meeting.items.get(number=3))
    stage = by_key(b.meeting, secretary)["notice"]
    assert stage.done is False and stage.action == "Skicka ändringsmeddelande"
    assert "Ärendet utgår: 3. Delårsrapport." in stage.detail


def test_memos_ready(b, secretary):
    Memo.objects.update(status=MemoStatus.READY)
    services.agenda_item_remove(actor=secretary, item=b.meeting.items.get(number=3))
    assert by_key(b.meeting, secretary)["memos"].done is True


def test_minutes_stages_follow_the_minutes(b, secretary):
    started_minutes(b)
    stages = by_key(b.meeting, secretary)
    assert stages["minutes"].done and stages["signed"].detail == "0 av 2 underskrifter."


def test_a_cancelled_meeting_has_one_stage(b, secretary):
    meeting = services.meeting_cancel(actor=secretary, meeting=b.meeting, reason="Inga ärenden")
    stages = meeting_stages(meeting, secretary)
    assert [(s.key, s.detail) for s in stages] == [("cancelled", "Inga ärenden")]


def test_the_meeting_page_opens_with_its_state(b, secretary, client):
    client.force_login(secretary)
    page = client.get(reverse("meetings:meeting_detail", args=[b.meeting.pk])).content.decode()
    assert page.index('id="lage"') < page.index('id="agenda"')
    assert "Nästa steg:" in page and "PM för punkt 2" in page
    assert "Kallelsen till ledamöter och ersättare" in page
