"""A meeting's life: changed, moved, cancelled — and a cancelled meeting shown as such on the
portal, in the calendar feed and in the API."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kansli.core.confirm import NeedsConfirmation
from kansli.core.models import AuditEntry
from kansli.meetings import services
from kansli.meetings.models import Meeting

from ..minutes.helpers import started_minutes
from ..shared import shared_fixtures
from .lifecycle_helpers import board_with_upcoming_meeting, move

pytestmark = pytest.mark.django_db
SITE = "https://kansli.example.se/"


_shared_data, body, series, b = shared_fixtures(board_with_upcoming_meeting, "b")


def test_moving_a_meeting_raises_its_sequence_and_is_audited(b, secretary):
    meeting, changed = move(
        b, secretary, start_time=datetime.time(13, 0), end_time=None, place="Sal B"
    )
    assert set(changed) == {"start_time", "end_time", "place"}
    assert meeting.sequence == 1
    entry = AuditEntry.objects.get(action="meeting_move")
    assert entry.changes["place"] == ["Hörsal L1, Örebro universitet", "Sal B"]


def test_a_change_of_the_absence_contact_is_no_move(b, secretary):
    meeting, changed = move(b, secretary, absence_contact="Nämndsekreteraren")
    assert changed == ["absence_contact"] and meeting.sequence == 0
    assert AuditEntry.objects.filter(action="meeting_update").exists()


def test_nothing_changed_writes_nothing(b, secretary):
    before = AuditEntry.objects.count()
    _, changed = move(b, secretary)
    assert changed == [] and AuditEntry.objects.count() == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"place": "   "}, "place"),
        ({"end_time": datetime.time(9, 0)}, "end_time"),
        ({"place": "x" * 301}, "place"),
    ],
)
def test_bad_changes_are_refused(b, secretary, changes, field):
    with pytest.raises(ValidationError) as refused:
        move(b, secretary, **changes)
    assert field in refused.value.message_dict
    assert Meeting.objects.get(pk=b.meeting.pk).place == "Hörsal L1, Örebro universitet"


def test_moving_into_the_past_after_the_notice_asks(b, secretary):
    services.notice_send(actor=secretary, meeting=b.meeting, site_url=SITE)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(NeedsConfirmation, match="har redan varit"):
        move(b, secretary, date=yesterday)
    assert Meeting.objects.get(pk=b.meeting.pk).date == b.meeting.date
    meeting, _ = move(b, secretary, date=yesterday, confirmed=True)
    assert meeting.date == yesterday


def test_a_meeting_with_started_minutes_is_neither_moved_nor_cancelled(b, secretary):
    started_minutes(b)
    with pytest.raises(ValidationError, match="kan inte flyttas"):
        move(b, secretary, place="Sal B")
    with pytest.raises(ValidationError, match="kan inte ställas in"):
        services.meeting_cancel(actor=secretary, meeting=b.meeting)
    assert not Meeting.objects.get(pk=b.meeting.pk).is_cancelled


def test_cancel(b, secretary):
    meeting = services.meeting_cancel(actor=secretary, meeting=b.meeting, reason="Inga ärenden")
    assert meeting.is_cancelled and meeting.sequence == 1
    with pytest.raises(ValidationError, match="redan inställt"):
        services.meeting_cancel(actor=secretary, meeting=b.meeting)
    with pytest.raises(ValidationError, match="inställt"):
        move(b, secretary, place="Sal B")
    from kansli.minutes import services as minutes

    with pytest.raises(ValidationError, match="inställt"):
        minutes.minutes_create(actor=secretary, meeting=b.meeting)


def test_a_cancelled_meeting_is_shown_as_such_everywhere(b, secretary, client):
    services.meeting_cancel(actor=secretary, meeting=b.meeting, reason="Inga ärenden")
    page = client.get(reverse("publishing:meeting", args=[b.meeting.pk]))
    assert "Sammanträdet är inställt" in page.content.decode()
    calendar = client.get(reverse("publishing:calendar") + f"?ar={b.meeting.date.year}")
    assert "Inställt" in calendar.content.decode()
    feed = client.get(reverse("publishing:calendar_ics")).content.decode()
    event = feed.split("BEGIN:VEVENT")[1]
    assert "STATUS:CANCELLED" in event and "SEQUENCE:1" in event
    assert "SUMMARY:INSTÄLLT: Regionstyrelsens sammanträde" in event
    api = client.get(f"/api/v1/meetings/{b.meeting.pk}")
    assert json.loads(api.content)["cancelled"] is True


def test_a_meeting_not_cancelled_says_so_in_the_api_and_feed(b, client):
    api = client.get(f"/api/v1/meetings/{b.meeting.pk}")
    assert json.loads(api.content)["cancelled"] is False
    feed = client.get(reverse("publishing:calendar_ics")).content.decode()
    assert "STATUS:CONFIRMED" in feed


def test_an_external_organization_holds_no_meetings_here(body, secretary):
    from kansli.people import services as people

    external = people.organization_create(
        actor=None, body=body, name="Finsam Sydnärke", kind="externt"
    )
    with pytest.raises(ValidationError) as refused:
        services.meeting_create(
            actor=secretary,
            organization=external,
            date=timezone.localdate(),
            start_time=datetime.time(9, 0),
            place="Kumla",
        )
    assert "externt organ" in str(refused.value)
