""" "Expediera alla": every dispatch whose recipient has a known e-mail address (the recipient
organization's, the recipient person's) is sent by e-mail with the extract attached, one
dispatch_send and one audit row each; the others are left and named; one failure does not
stop the rest; sending again sends nothing twice."""

import io
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from kansli.core.models import AuditEntry
from kansli.memos.models import RecipientKind
from kansli.memos.services import RecipientInput
from kansli.minutes import services
from kansli.minutes.models import Dispatch, Minutes
from kansli.people import services as people
from kansli.people.models import Organization
from kansli.registry.models import Document

from ..meetings.memo_helpers import fill
from .helpers import board_with_meeting, started_minutes

COUNCIL_EMAIL = "fullmaktige@region.example"
AUTHOR_EMAIL = "willhelm.sundman@example.org"


@pytest.fixture
def b(body, series):
    b = board_with_meeting(body, series)
    author = people.person_create(
        actor=None, first_name="Willhelm", last_name="Sundman", email=AUTHOR_EMAIL
    )
    fill(
        b.meeting.items.get(number=2).memo,
        clauses=["att avslå motionen."],
        recipients=[
            RecipientInput(RecipientKind.ORGANIZATION, organization=b.council),
            RecipientInput(RecipientKind.PERSON, person=author),
            RecipientInput(RecipientKind.TEXT, text="Staben Ekonomi"),
        ],
    )
    # The council's functional mailbox, as the administrator enters it.
    Organization.objects.filter(pk=b.council.pk).update(email=COUNCIL_EMAIL)
    minutes = started_minutes(b)
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=Minutes.objects.get(pk=minutes.pk))
    return b


def _send_all(client, **data):
    return client.post(reverse("minutes:dispatch_send_all"), data, follow=True)


def test_every_known_address_gets_its_extract_and_the_rest_are_named(client, b, secretary):
    assert Dispatch.objects.count() == 3
    client.force_login(secretary)
    list_page = client.get(reverse("minutes:dispatch_list")).content.decode()
    assert "Expediera alla" in list_page and f"Känd e-postadress: {COUNCIL_EMAIL}" in list_page
    assert "Saknar e-postadress" in list_page
    page = _send_all(client).content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == [COUNCIL_EMAIL, AUTHOR_EMAIL]
    for message in mail.outbox:
        name, content, mimetype = message.attachments[0]
        assert mimetype == "application/pdf" and name.startswith("protokollsutdrag-")
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
        assert "Motion om gröna obligationer" in text
    sent = Dispatch.objects.filter(sent_at__isnull=False)
    assert {(d.recipient, d.channel, d.sent_by) for d in sent} == {
        ("Regionfullmäktige", "epost", secretary),
        ("Willhelm Sundman", "epost", secretary),
    }
    assert (
        AuditEntry.objects.filter(
            action="dispatch_send", actor=secretary, scope__startswith="meeting:"
        ).count()
        == 2
    )
    # each extract as sent is an outgoing document in the paragraph's case
    for dispatch in sent:
        document = dispatch.document
        assert document.case == dispatch.paragraph.case and document.kind == "utgaende"
        assert document.counterpart == dispatch.recipient and document.file.read(5) == b"%PDF-"
        assert document.description == "Protokollsutdrag Regionstyrelsen 2020-08-26 § 2"
    assert "2 beslut expedierades med e-post" in page
    assert (
        "Saknar känd e-postadress och skickades inte: Regionstyrelsen 2020-08-26 § 2 till "
        "Staben Ekonomi" in page
    )
    assert "till Staben Ekonomi</h3>" in page  # still listed, waiting for an address

    again = _send_all(client).content.decode()  # nothing twice
    assert len(mail.outbox) == 2
    assert AuditEntry.objects.filter(action="dispatch_send", scope__startswith="case:").count() == 2
    assert "expedierades" not in again and "Staben Ekonomi" in again


def test_a_bad_stored_address_is_reported_and_the_others_still_go(client, b, secretary):
    Organization.objects.filter(pk=b.council.pk).update(email="inte en adress")
    client.force_login(secretary)
    page = _send_all(client).content.decode()
    assert [m.to for m in mail.outbox] == [[AUTHOR_EMAIL]]
    assert "till Regionfullmäktige skickades inte: ”inte en adress” är ingen giltig " in page
    assert not Dispatch.objects.get(recipient="Regionfullmäktige").is_sent
    assert Dispatch.objects.get(recipient="Willhelm Sundman").is_sent


def test_a_mail_error_is_reported_and_nothing_is_recorded_for_it(client, b, secretary, settings):
    settings.EMAIL_BACKEND = "tests.minutes.failing_mail.Backend"
    Organization.objects.filter(pk=b.council.pk).update(email="kansliet@fel.example")
    files_before = {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}
    client.force_login(secretary)
    page = _send_all(client).content.decode()
    assert "E-posten kunde inte skickas" in page and "Anslutningen till e-postservern" in page
    failed = Dispatch.objects.get(recipient="Regionfullmäktige")
    assert not failed.is_sent and failed.channel == ""
    assert [m.to for m in mail.outbox] == [[AUTHOR_EMAIL]]
    sends = AuditEntry.objects.filter(action="dispatch_send", scope__startswith="meeting:")
    assert sends.count() == 1
    # the failed one registered nothing and left no file behind
    (registered,) = Document.objects.filter(kind="utgaende")
    assert registered == Dispatch.objects.get(recipient="Willhelm Sundman").document
    stored = {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}
    assert stored - files_before == {Path(registered.file.path)}


def test_one_meeting_at_a_time(client, b, secretary):
    client.force_login(secretary)
    _send_all(client, meeting=b.meeting.pk + 1000)
    assert not mail.outbox
    page = _send_all(client, meeting="<script>").content.decode()
    assert "är inget nummer" in page and not mail.outbox
    _send_all(client, meeting=b.meeting.pk)
    assert len(mail.outbox) == 2


def test_only_those_who_dispatch_may(client, b, official_user, elected):
    for user in (official_user, elected):
        client.force_login(user)
        assert client.post(reverse("minutes:dispatch_send_all")).status_code == 403
    assert not mail.outbox and not Dispatch.objects.filter(sent_at__isnull=False).exists()
