"""Sending the notice to members and substitutes, and the notices of change and cancellation:
recorded per person, refused and written nowhere when there is nothing to send."""

import datetime
import socket

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kansli.core.models import AuditEntry
from kansli.meetings import services
from kansli.meetings.models import DeliveryStatus, NoticeDelivery, NoticeKind, NoticeSending
from kansli.people.models import Person

from ..minutes.helpers import started_minutes
from ..shared import shared_fixtures
from .lifecycle_helpers import board_with_upcoming_meeting
from .smtp_server import smtp_server

pytestmark = pytest.mark.django_db
SITE = "https://kansli.example.se/"


_shared_data, body, series, b = shared_fixtures(board_with_upcoming_meeting, "b")


def send(b, actor):
    return services.notice_send(actor=actor, meeting=b.meeting, site_url=SITE)


def statuses(sending):
    return {str(d.person.last_name): d.status for d in sending.deliveries.all()}


def test_every_member_and_substitute_gets_the_notice(b, secretary):
    sending = send(b, secretary)
    assert len(mail.outbox) == 9
    assert set(statuses(sending).values()) == {DeliveryStatus.SENT}
    message = next(m for m in mail.outbox if m.to == ["andreas.svahn@example.org"])
    assert message.subject == f"Kallelse: Regionstyrelsen {b.meeting.date.isoformat()} kl. 09.30"
    assert "Du kallas som ledamot till sammanträde med Regionstyrelsen." in message.body
    assert "Plats: Hörsal L1, Örebro universitet" in message.body
    assert "2. Motion om gröna obligationer" in message.body
    assert f"{SITE}sammantraden/{b.meeting.pk}/kallelse/ledamoter/" in message.body
    substitute = next(m for m in mail.outbox if m.to == ["carina.dahl@example.org"])
    assert "Du underrättas som ersättare" in substitute.body
    name, ics, kind = message.attachments[0]
    assert kind == "text/calendar" and name.endswith(".ics")
    assert f"UID:meeting-{b.meeting.pk}@kansli.example.se" in ics
    assert "STATUS:CONFIRMED" in ics and "SEQUENCE:0" in ics
    entry = AuditEntry.objects.get(action="notice_send_kallelse")
    assert entry.actor == secretary and "till 9 av 9" in entry.summary


def test_a_non_public_item_is_not_named_in_the_mail(b, secretary):
    item = b.meeting.items.get(number=3)
    services.agenda_item_update(
        actor=secretary,
        item=item,
        title="Förhandling om hyresavtal",
        is_public=False,
        case=item.case,
    )
    send(b, secretary)
    assert "hyresavtal" not in mail.outbox[0].body
    assert "3. Ärende som inte är offentligt" in mail.outbox[0].body


def test_a_bad_address_is_listed_and_the_rest_still_sent(b, secretary):
    Person.objects.filter(pk=b["Sundin"].pk).update(email="karin.sundin@")
    Person.objects.filter(pk=b["Habib"].pk).update(email="")
    sending = send(b, secretary)
    result = statuses(sending)
    assert result["Sundin"] == DeliveryStatus.INVALID
    assert result["Habib"] == DeliveryStatus.NO_ADDRESS
    assert sum(1 for s in result.values() if s == DeliveryStatus.SENT) == 7
    assert len(mail.outbox) == 7
    assert (
        "ej skickat till Karin Sundin (S)"
        in AuditEntry.objects.get(action="notice_send_kallelse").summary
    )


def test_sending_twice_sends_nothing_new(b, secretary):
    Person.objects.filter(pk=b["Habib"].pk).update(email="")
    send(b, secretary)
    with pytest.raises(ValidationError) as refused:
        send(b, secretary)
    assert "redan gått till alla som kan nås" in refused.value.messages[0]
    assert "Zaki Habib (S)" in refused.value.messages[0]
    assert NoticeSending.objects.count() == 1 and len(mail.outbox) == 8
    # a new address: only that person gets it
    Person.objects.filter(pk=b["Habib"].pk).update(email="zaki.habib@example.org")
    second = send(b, secretary)
    assert statuses(second) == {"Habib": DeliveryStatus.SENT}
    assert len(mail.outbox) == 9


def test_a_new_member_later_gets_the_notice(b, secretary):
    from kansli.people import services as people

    send(b, secretary)
    newcomer = people.person_create(
        actor=None,
        first_name="Eva",
        last_name="Ny",
        party=b["Svahn"].party,
        email="eva.ny@example.org",
    )
    people.membership_create(
        actor=None,
        person=newcomer,
        organization=b.board,
        role="ersattare",
        start=b.meeting.date - datetime.timedelta(days=3),
    )
    second = send(b, secretary)
    assert statuses(second) == {"Ny": DeliveryStatus.SENT}


def test_the_notice_needs_an_agenda_and_a_board(b, secretary, body):
    for item in b.meeting.items.order_by("-number"):
        services.agenda_item_remove(actor=secretary, item=item)
    with pytest.raises(ValidationError, match="Dagordningen är tom"):
        send(b, secretary)
    assert not NoticeSending.objects.exists()


def test_no_notice_once_the_minutes_are_started(b, secretary):
    started_minutes(b)
    with pytest.raises(ValidationError, match="för sent"):
        send(b, secretary)
    assert not NoticeSending.objects.exists()


def test_no_notice_for_a_cancelled_meeting(b, secretary):
    services.meeting_cancel(actor=secretary, meeting=b.meeting)
    with pytest.raises(ValidationError, match="inställt"):
        send(b, secretary)
    assert not NoticeSending.objects.exists()


def test_a_change_is_told_to_those_who_had_the_notice(b, secretary):
    send(b, secretary)
    mail.outbox.clear()
    new_day = b.meeting.date + datetime.timedelta(days=1)
    services.meeting_update(
        actor=secretary,
        meeting=b.meeting,
        date=new_day,
        start_time=datetime.time(13, 0),
        end_time=None,
        place="Regionens hus, sal A",
    )
    services.agenda_item_withdraw(actor=secretary, item=b.meeting.items.get(number=3))
    sending = services.notice_change_send(actor=secretary, meeting=b.meeting, site_url=SITE)
    assert sending.kind == NoticeKind.CHANGE
    assert len(mail.outbox) == 9
    body = mail.outbox[0].body
    assert "Ny tid:" in body and "kl. 13.00" in body
    assert "Ny plats: Regionens hus, sal A (tidigare Hörsal L1, Örebro universitet)." in body
    assert "Ärendet utgår: 3. Delårsrapport." in body
    assert mail.outbox[0].subject.startswith("Ändring av sammanträde")
    ics = mail.outbox[0].attachments[0][1]
    assert "SEQUENCE:1" in ics
    with pytest.raises(ValidationError, match="Inget har ändrats"):
        services.notice_change_send(actor=secretary, meeting=b.meeting, site_url=SITE)


def test_no_change_notice_before_the_notice(b, secretary):
    with pytest.raises(ValidationError, match="inte skickats"):
        services.notice_change_send(actor=secretary, meeting=b.meeting, site_url=SITE)


def test_cancellation_is_told(b, secretary):
    send(b, secretary)
    mail.outbox.clear()
    services.meeting_cancel(actor=secretary, meeting=b.meeting, reason="Ärendena är inte beredda")
    sending = services.notice_change_send(actor=secretary, meeting=b.meeting, site_url=SITE)
    assert sending.kind == NoticeKind.CANCELLATION
    assert mail.outbox[0].subject.startswith("Inställt sammanträde")
    assert "Regionstyrelsens sammanträde" in mail.outbox[0].body
    assert "är inställt." in mail.outbox[0].body
    assert "Skäl: Ärendena är inte beredda" in mail.outbox[0].body
    assert "STATUS:CANCELLED" in mail.outbox[0].attachments[0][1]


def test_a_refused_recipient_is_recorded_as_bounced(b, secretary, settings):
    Person.objects.filter(pk=b["Menhem"].pk).update(email="jihad.studsar@example.org")
    with smtp_server() as (port, received):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        sending = send(b, secretary)
    result = statuses(sending)
    assert result["Menhem"] == DeliveryStatus.BOUNCED
    assert "550" in sending.deliveries.get(person=b["Menhem"]).error
    assert sum(1 for s in result.values() if s == DeliveryStatus.SENT) == 8
    assert len(received.messages) == 8


def test_a_mail_server_that_cannot_be_reached_writes_nothing(b, secretary, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    with pytest.raises(ValidationError, match="kunde inte nås"):
        send(b, secretary)
    assert not NoticeSending.objects.exists() and not NoticeDelivery.objects.exists()


def test_only_those_who_manage_meetings_send(b):
    from django.core.exceptions import PermissionDenied

    from kansli.core.roles import Role
    from tests.conftest import _user

    with pytest.raises(PermissionDenied):
        send(b, _user("ledamot", Role.ELECTED))
    assert not NoticeSending.objects.exists()
