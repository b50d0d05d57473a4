"""KL 5 kap. 52 § in the minutes: fullmäktige decides only announced items, and an urgent item
that was not announced only when every member present decides so. The paragraph records that
decision, the minutes say it, and minutes without it are not adjusted."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from kansli.core.models import AuditEntry
from kansli.minutes import services
from kansli.minutes.announced import CONSENT_SENTENCE
from kansli.minutes.content import digest, minutes_content
from kansli.minutes.document import minutes_data, minutes_pdf
from kansli.minutes.models import Minutes, Paragraph, Signature

from ..shared import shared_fixtures
from .helpers import (
    URGENT_TITLE,
    board_with_meeting,
    council_meeting,
    paragraph,
    started_council_minutes,
    started_minutes,
)

pytestmark = pytest.mark.django_db

STOCKHOLM = datetime.timezone(datetime.timedelta(hours=2))
SIGNED = datetime.datetime(2020, 9, 2, 14, 3, tzinfo=STOCKHOLM)
LAW = "kommunallagen 5 kap. 52 §"


_shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")


@pytest.fixture
def minutes(b, secretary):
    """The council's minutes: §§ 1–2 announced, § 3 not."""
    return started_council_minutes(council_meeting(b, secretary))


def sign(b, minutes, name, **kwargs):
    return services.minutes_sign(actor=b.login(name), minutes=minutes, now=SIGNED, **kwargs)


def record(paragraph, **kwargs):
    """Save the paragraph as it stands, with what is given changed."""
    arguments = {
        "decision_formula": paragraph.decision_formula,
        "decision_clauses": list(paragraph.decision_clauses),
        **kwargs,
    }
    return services.paragraph_update(actor=None, paragraph=paragraph, **arguments)


def adjusted(b, minutes) -> Minutes:
    sign(b, minutes, "Svahn")
    sign(b, minutes, "Karlsson")
    return Minutes.objects.get(pk=minutes.pk)


# The paragraph records the decision


def test_the_decision_of_every_member_present_is_recorded_and_can_be_undone(minutes, secretary):
    urgent = paragraph(minutes, 3)
    assert urgent.title == URGENT_TITLE and not urgent.urgent_consent
    services.paragraph_update(
        actor=secretary,
        paragraph=urgent,
        decision_formula="Regionfullmäktige beslutar",
        decision_clauses=["att välja Carina Dahl (S) till ersättare i regionstyrelsen."],
        urgent_consent=True,
    )
    assert Paragraph.objects.get(pk=urgent.pk).urgent_consent
    entry = AuditEntry.objects.filter(action="paragraph_update").latest("pk")
    assert "Samtliga närvarande" in entry.summary
    record(urgent)
    assert not Paragraph.objects.get(pk=urgent.pk).urgent_consent


def test_an_announced_item_needs_no_such_decision_and_it_is_refused(minutes):
    announced = paragraph(minutes, 2)
    with pytest.raises(ValidationError, match="har tillkännagetts") as error:
        services.paragraph_update(
            actor=None,
            paragraph=announced,
            decision_formula="Regionfullmäktige beslutar",
            decision_clauses=["att återremittera ärendet."],
            urgent_consent=True,
        )
    assert LAW in str(error.value)
    unchanged = Paragraph.objects.get(pk=announced.pk)
    assert not unchanged.urgent_consent
    assert unchanged.decision_clauses == ["att godkänna delårsrapporten."]


def test_a_board_paragraph_takes_no_such_decision(b):
    minutes = started_minutes(b)
    with pytest.raises(ValidationError, match="Bara fullmäktiges ärenden tillkännages"):
        record(paragraph(minutes, 3), urgent_consent=True)
    assert not Paragraph.objects.filter(urgent_consent=True).exists()


# Adjustment


def test_minutes_with_an_unannounced_item_are_not_signed_without_the_decision(b, minutes):
    with pytest.raises(ValidationError) as error:
        sign(b, minutes, "Svahn")
    message = " ".join(error.value.messages)
    assert f"§ 3 {URGENT_TITLE}: ärendet har inte tillkännagetts" in message
    assert "samtliga närvarande ledamöter" in message and LAW in message
    assert "§ 1 " not in message and "§ 2 " not in message  # the announced ones are fine
    assert not Signature.objects.exists()


def test_with_the_decision_recorded_the_minutes_are_adjusted_and_say_it(b, minutes):
    record(paragraph(minutes, 3), urgent_consent=True)
    minutes = adjusted(b, minutes)
    assert minutes.is_locked
    sealed = minutes.sealed_content["paragraphs"]
    assert [p.get("urgent_consent") for p in sealed] == [None, None, CONSENT_SENTENCE]
    assert digest(minutes.sealed_content) == minutes.content_hash
    assert minutes_data(minutes)["paragraphs"][2]["urgent_consent"] == CONSENT_SENTENCE


def test_an_item_added_at_the_meeting_needs_the_decision_too(b, minutes):
    record(paragraph(minutes, 3), urgent_consent=True)
    added = services.minutes_item_add(actor=None, minutes=minutes, title="Interpellation")
    record(
        added,
        decision_formula="Regionfullmäktige beslutar",
        decision_clauses=["att interpellationen får ställas."],
    )
    with pytest.raises(ValidationError, match=r"§ 4 Interpellation: ärendet har inte"):
        sign(b, minutes, "Svahn")


def test_an_unannounced_item_that_was_withdrawn_needs_nothing(b, minutes):
    services.paragraph_withdraw(actor=None, paragraph=paragraph(minutes, 3), reason="Bordlades")
    assert adjusted(b, minutes).is_locked


def test_immediate_adjustment_of_an_unannounced_item_needs_the_decision(b, minutes):
    urgent = paragraph(minutes, 3)
    with pytest.raises(ValidationError, match=r"5 kap\. 52 §"):
        sign(b, minutes, "Svahn", paragraph=urgent)
    sign(b, minutes, "Svahn", paragraph=paragraph(minutes, 2))  # an announced one may
    record(urgent, urgent_consent=True)
    sign(b, minutes, "Svahn", paragraph=urgent)
    sign(b, minutes, "Karlsson", paragraph=urgent)
    urgent.refresh_from_db()
    assert urgent.sealed_content["urgent_consent"] == CONSENT_SENTENCE
    assert digest(urgent.sealed_content) == urgent.content_hash


def test_without_an_announcement_recorded_in_kansli_nothing_is_enforced(b, secretary):
    """Kansli cannot know what was announced outside it: the minutes are adjusted, and the
    decision may still be recorded."""
    minutes = started_council_minutes(council_meeting(b, secretary, announce=False))
    record(paragraph(minutes, 2), urgent_consent=True)
    minutes = adjusted(b, minutes)
    assert minutes.is_locked
    assert "urgent_consent" in minutes.sealed_content["paragraphs"][1]


def test_a_board_meeting_is_not_held_to_the_councils_rule(b):
    minutes = started_minutes(b)
    services.minutes_item_add(actor=None, minutes=minutes, title="Information från direktören")
    record(
        paragraph(minutes, 4),
        decision_formula="Regionstyrelsen beslutar",
        decision_clauses=["att lägga informationen till handlingarna."],
    )
    assert adjusted(b, minutes).is_locked


# The text of the minutes


def test_the_minutes_pdf_says_the_item_was_decided_by_the_decision_of_all_present(b, minutes):
    record(paragraph(minutes, 3), urgent_consent=True)
    text = " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(minutes_pdf(minutes))).pages
    )
    assert "Ärendet har inte tillkännagetts före sammanträdet." in text
    assert "Samtliga närvarande ledamöter beslutar att det brådskande ärendet" in text
    assert text.count("5 kap. 52 §") == 1  # in § 3 only


def test_the_public_minutes_say_it_too(client, b, minutes):
    record(paragraph(minutes, 3), urgent_consent=True)
    adjusted(b, minutes)
    page = client.get(reverse("publishing:minutes", args=[minutes.meeting_id])).content.decode()
    assert CONSENT_SENTENCE in page


def test_minutes_without_the_decision_read_as_they_were_sealed_before_it_existed(b):
    """No key for a paragraph without the decision: the content, and so the hash, of minutes
    adjusted before the field existed stay the same."""
    minutes = adjusted(b, started_minutes(b))
    assert all("urgent_consent" not in p for p in minutes.sealed_content["paragraphs"])
    assert digest(minutes_content(minutes)) == minutes.content_hash


def test_a_withdrawn_paragraph_does_not_say_it(minutes):
    urgent = paragraph(minutes, 3)
    record(urgent, urgent_consent=True)
    services.paragraph_withdraw(actor=None, paragraph=urgent)
    assert "urgent_consent" not in minutes_content(minutes)["paragraphs"][2]


# The pages


def url(name, *args):
    return reverse(f"minutes:{name}", args=args)


def test_the_box_is_offered_for_an_unannounced_item_only(client, b, minutes, secretary):
    client.force_login(secretary)
    meeting = minutes.meeting_id
    urgent, announced = paragraph(minutes, 3), paragraph(minutes, 2)
    page = client.get(url("paragraph_edit", meeting, urgent.pk)).content.decode()
    assert 'name="urgent_consent"' in page
    assert "Punkten står inte i något tillkännagivande" in page and LAW in page
    assert (
        'name="urgent_consent"'
        not in client.get(url("paragraph_edit", meeting, announced.pk)).content.decode()
    )
    detail = client.get(url("minutes_detail", meeting)).content.decode()
    assert detail.count("Inte tillkännagivet") == 1
    form = {
        "decision_formula": "Regionfullmäktige beslutar",
        "decision_clauses": "att välja Carina Dahl (S) till ersättare i regionstyrelsen.",
        "urgent_consent": "on",
    }
    response = client.post(url("paragraph_edit", meeting, urgent.pk), form)
    assert response.status_code == 302
    assert Paragraph.objects.get(pk=urgent.pk).urgent_consent
    page = client.get(url("paragraph_edit", meeting, urgent.pk)).content.decode()
    assert 'name="urgent_consent" aria-describedby="urgent-help" checked' in page
    assert "Inte tillkännagivet" not in client.get(url("minutes_detail", meeting)).content.decode()
    del form["urgent_consent"]
    client.post(url("paragraph_edit", meeting, urgent.pk), form)
    assert not Paragraph.objects.get(pk=urgent.pk).urgent_consent


def test_a_box_posted_for_an_announced_item_is_refused_with_a_message(client, minutes, secretary):
    client.force_login(secretary)
    announced = paragraph(minutes, 2)
    response = client.post(
        url("paragraph_edit", minutes.meeting_id, announced.pk),
        {
            "decision_formula": "Regionfullmäktige beslutar",
            "decision_clauses": "att godkänna delårsrapporten.",
            "urgent_consent": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "ärendet har tillkännagetts" in response.content.decode()
    assert not Paragraph.objects.get(pk=announced.pk).urgent_consent


def test_without_an_announcement_the_box_says_kansli_cannot_tell(client, b, secretary):
    minutes = started_council_minutes(council_meeting(b, secretary, announce=False))
    client.force_login(secretary)
    page = client.get(url("paragraph_edit", minutes.meeting_id, paragraph(minutes, 1).pk))
    text = page.content.decode()
    assert 'name="urgent_consent"' in text
    assert "Inget tillkännagivande av sammanträdet är registrerat i Kansli" in text
    assert (
        "Inte tillkännagivet"
        not in client.get(url("minutes_detail", minutes.meeting_id)).content.decode()
    )


def test_a_board_paragraph_has_no_box(client, b, secretary):
    minutes = started_minutes(b)
    client.force_login(secretary)
    page = client.get(url("paragraph_edit", b.meeting.pk, paragraph(minutes, 3).pk))
    assert 'name="urgent_consent"' not in page.content.decode()
