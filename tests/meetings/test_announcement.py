"""The council's announcement on the notice board (KL 5 kap. 13–14 §§) and the agenda check of
5 kap. 52 §."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kansli.core.confirm import NeedsConfirmation
from kansli.meetings import services
from kansli.meetings.models import Announcement
from kansli.meetings.stages import meeting_stages

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_meeting(body, series):
    from ..minutes.helpers import board_with_meeting

    b = board_with_meeting(body, series, date=timezone.localdate() + datetime.timedelta(days=20))
    meeting = services.meeting_create(
        actor=None,
        organization=b.council,
        date=timezone.localdate() + datetime.timedelta(days=10),
        start_time=datetime.time(10, 0),
        place="Konserthuset, Örebro",
    )
    services.agenda_item_add(actor=None, meeting=meeting, title="Val av justerare")
    services.agenda_item_add(actor=None, meeting=meeting, title="Delårsrapport januari–augusti")
    return b, meeting


def test_a_council_meeting_is_announced_with_time_place_and_items(
    council_meeting, secretary, client
):
    _, meeting = council_meeting
    announcement = services.announcement_post(actor=secretary, meeting=meeting)
    assert not announcement.supplement
    assert [e["title"] for e in announcement.items] == [
        "Val av justerare",
        "Delårsrapport januari–augusti",
    ]
    board = client.get(reverse("minutes:notice_board")).content.decode()
    assert "Sammanträden med fullmäktige" in board
    assert "Konserthuset, Örebro" in board and "Delårsrapport januari–augusti" in board


def test_a_late_announcement_is_asked_about(council_meeting, secretary):
    b, _ = council_meeting
    soon = services.meeting_create(
        actor=None,
        organization=b.council,
        date=timezone.localdate() + datetime.timedelta(days=3),
        start_time=datetime.time(10, 0),
        place="Konserthuset, Örebro",
    )
    services.agenda_item_add(actor=None, meeting=soon, title="Val")
    with pytest.raises(NeedsConfirmation, match=r"5 kap\. 13 §"):
        services.announcement_post(actor=secretary, meeting=soon)
    assert not Announcement.objects.exists()
    services.announcement_post(actor=secretary, meeting=soon, confirmed=True)
    assert Announcement.objects.count() == 1


def test_items_added_later_are_flagged_and_announced_as_urgent(council_meeting, secretary):
    _, meeting = council_meeting
    services.announcement_post(actor=secretary, meeting=meeting)
    services.agenda_item_add(actor=None, meeting=meeting, title="Brådskande fyllnadsval")
    stage = next(s for s in meeting_stages(meeting, secretary) if s.key == "announcement")
    assert stage.done is False
    assert "punkt 3" in stage.warning and "5 kap. 52 §" in stage.warning
    assert "bara om samtliga närvarande ledamöter beslutar det" in stage.warning
    assert "förs in i protokollet" in stage.warning
    supplement = services.announcement_post(actor=secretary, meeting=meeting)
    assert supplement.supplement
    assert [e["title"] for e in supplement.items] == ["Brådskande fyllnadsval"]
    stage = next(s for s in meeting_stages(meeting, secretary) if s.key == "announcement")
    assert stage.done is True
    with pytest.raises(ValidationError, match="redan tillkännagivna"):
        services.announcement_post(actor=secretary, meeting=meeting)


def test_only_council_meetings_are_announced(council_meeting, secretary):
    b, _ = council_meeting
    with pytest.raises(ValidationError, match="Bara fullmäktiges"):
        services.announcement_post(actor=secretary, meeting=b.meeting)
    assert not Announcement.objects.exists()


def test_an_announcement_leaves_the_board_after_the_meeting_day(council_meeting, secretary):
    from kansli.meetings.selectors import announcements_on_board

    _, meeting = council_meeting
    services.announcement_post(actor=secretary, meeting=meeting)
    assert announcements_on_board(viewer=None, today=meeting.date).count() == 1
    after = meeting.date + datetime.timedelta(days=1)
    assert announcements_on_board(viewer=None, today=after).count() == 0
