"""The public portal's pages, read as the anonymous public."""

import io

import pytest
from pypdf import PdfReader

from kansli.publishing.models import Publication, ReviewStatus

from .world import (
    DRAFT_MINUTES,
    INTERNAL_DOCUMENT,
    NON_PUBLIC_ITEM,
    PRIVATE_PHONE,
    PUBLIC_DECISION,
    PUBLIC_DOCUMENT,
    SECRET_DOCUMENT,
    UNREVIEWED_DOCUMENT,
    shared_world_fixtures,
)

pytestmark = pytest.mark.django_db


# The world, built once for this module; `body` and `series` are the world's.
_shared_data, body, series, world = shared_world_fixtures()


def page(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_the_meeting_page_shows_public_items_and_published_documents_only(client, world):
    html = page(client, f"/insyn/sammantraden/{world.board.meeting.pk}/")
    assert "Motion om gröna obligationer" in html
    assert PUBLIC_DOCUMENT in html
    for hidden in (NON_PUBLIC_ITEM, UNREVIEWED_DOCUMENT, INTERNAL_DOCUMENT, SECRET_DOCUMENT):
        assert hidden not in html
    assert "Justerat protokoll" in html


def test_a_member_sees_the_non_public_item_on_the_same_page(client, world):
    client.force_login(world.board.login("Svahn"))
    html = page(client, f"/insyn/sammantraden/{world.board.meeting.pk}/")
    assert NON_PUBLIC_ITEM in html and INTERNAL_DOCUMENT in html


def test_adjusted_minutes_are_public_with_the_posting_and_withheld_paragraphs(client, world):
    html = page(client, f"/insyn/sammantraden/{world.board.meeting.pk}/protokoll/")
    assert PUBLIC_DECISION in html
    assert "Sista dag för överklagande" in html and "2020-09-23" in html
    assert NON_PUBLIC_ITEM not in html and "Paragrafen publiceras inte" in html
    response = client.get(f"/insyn/sammantraden/{world.board.meeting.pk}/protokoll.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert PUBLIC_DECISION in text and NON_PUBLIC_ITEM not in text


def test_draft_minutes_are_not_public(client, world):
    page(client, f"/insyn/sammantraden/{world.draft_meeting_pk}/protokoll/", 404)
    page(client, f"/insyn/sammantraden/{world.draft_meeting_pk}/protokoll.pdf", 404)
    assert DRAFT_MINUTES not in page(client, f"/insyn/sammantraden/{world.draft_meeting_pk}/")


def test_files_the_public_may_not_have_are_not_found(client, world):
    response = client.get(f"/insyn/handlingar/{world.public_document.pk}/fil/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    for document in (world.unreviewed_document, world.internal_document, world.secret_document):
        page(client, f"/insyn/handlingar/{document.pk}/fil/", 404)


def test_the_case_page_lists_published_documents_and_hides_secret_cases(client, world):
    case = world.public_document.case
    html = page(client, f"/insyn/arenden/{case.pk}/")
    assert PUBLIC_DOCUMENT in html and UNREVIEWED_DOCUMENT not in html
    secret_case = world.board.meeting.items.get(title=NON_PUBLIC_ITEM).case
    page(client, f"/insyn/arenden/{secret_case.pk}/", 404)


@pytest.mark.parametrize(
    "query",
    [
        "?ar=abc",
        "?ar=99999",
        "?organ=xyz",
        "?organ=999999",
        "?ar=%00",
        "?ar=2020&organ=",
        "?ar=²",
        "?ar=٢٠٢٠",
    ],
)
def test_the_calendar_survives_bad_parameters(client, world, query):
    html = page(client, f"/insyn/kalender/{query}")
    assert "Sammanträdeskalender" in html


def test_the_calendar_lists_a_years_meetings_by_month(client, world):
    html = page(client, f"/insyn/kalender/?ar=2020&organ={world.board.board.pk}")
    assert "Augusti" in html and "September" in html
    assert "Sammanträdeskalender 2020" in html and "?ar=2019" in html  # no digit grouping
    assert "Inga sammanträden" in page(client, "/insyn/kalender/?ar=1999")


def test_the_review_queue_lets_an_official_publish_a_masked_version(client, world, registrar):
    page(client, "/granskning/", 302)
    client.force_login(registrar)
    queue = page(client, "/granskning/")
    assert UNREVIEWED_DOCUMENT in queue
    publication = Publication.objects.get(document=world.unreviewed_document)
    detail = page(client, f"/granskning/{publication.pk}/")
    assert f'title="Telefonnummer">{PRIVATE_PHONE}</mark>' in detail
    response = client.post(f"/granskning/{publication.pk}/", {"action": "approve"})
    assert response.status_code == 302
    assert Publication.objects.get(pk=publication.pk).status == ReviewStatus.APPROVED
    client.logout()
    response = client.get(f"/insyn/handlingar/{world.unreviewed_document.pk}/fil/")
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = pdf.pages[0].extract_text()
    assert UNREVIEWED_DOCUMENT in text and "[telefonnummer]" in text and "45 67" not in text


@pytest.mark.parametrize(
    "data",
    [
        {"action": "bogus"},
        {"action": "mask", "finding": "abc"},
        {"action": "mask", "finding": "99999"},
        {"action": "add", "text": ""},
        {"action": "add", "text": "<script>alert(1)</script>"},
    ],
)
def test_bad_review_posts_change_nothing(client, world, registrar, data):
    client.force_login(registrar)
    publication = Publication.objects.get(document=world.unreviewed_document)
    before = list(publication.findings.values_list("pk", "masked"))
    response = client.post(f"/granskning/{publication.pk}/", data, follow=True)
    assert response.status_code in (200, 404)
    assert list(publication.findings.values_list("pk", "masked")) == before
    assert Publication.objects.get(pk=publication.pk).status == ReviewStatus.WAITING


def test_the_accessibility_statement_is_linked_from_every_page(client, world):
    html = page(client, "/insyn/")
    assert 'href="/tillganglighet/"' in html
    assert "Digg" in page(client, "/tillganglighet/")


def test_the_meeting_page_costs_the_same_queries_however_many_items(client, world, series):
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kansli.meetings import services as meetings
    from kansli.registry.services import case_register

    from .world import register

    # A meeting whose minutes are not started: its agenda can still grow.
    meeting = meetings.meeting_create(
        actor=None,
        organization=world.board.board,
        date=world.board.meeting.date + datetime.timedelta(days=28),
        start_time=datetime.time(9, 30),
        place="Regionens hus",
    )

    def add(number: int) -> None:
        case = case_register(
            actor=None, body=world.board.body, series=series, title=f"Ärende {number}"
        )
        register(case, f"Underlag {number}")
        meetings.agenda_item_add(
            actor=None,
            meeting=meeting,
            title=f"Ärende {number}",
            case=case,
            formula="Regionstyrelsen beslutar",
            clauses=["att godkänna underlaget."],
        )

    add(0)
    url = f"/insyn/sammantraden/{meeting.pk}/"
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(1, 4):
        add(number)
    with CaptureQueriesContext(connection) as after:
        html = client.get(url).content.decode()
    assert "Underlag 3" in html
    assert len(after.captured_queries) == len(before.captured_queries)
