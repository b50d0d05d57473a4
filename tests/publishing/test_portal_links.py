"""The public finds its way: the notice board links the adjusted minutes, and the public
meeting page links the public meeting book (its PDF and the web edition) once it is built."""

import pytest

from kansli.meetings.book.services import meeting_book_build_run, meeting_book_request
from kansli.meetings.models import BookEdition, BookStatus, MeetingBook
from kansli.minutes import services
from kansli.minutes.models import Minutes
from kansli.publishing.models import ReviewStatus
from kansli.publishing.services import publication_approve
from kansli.registry.tasks import document_inspect

from ..minutes.helpers import board_with_meeting, paragraph, started_minutes
from ..shared import shared_fixtures

pytestmark = pytest.mark.django_db


_shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_notice_board_links_the_adjusted_minutes(client, b):
    minutes = started_minutes(b)
    for name in ("Svahn", "Karlsson"):  # today: the posting is up
        services.minutes_sign(actor=b.login(name), minutes=Minutes.objects.get(pk=minutes.pk))
    link = f'href="/insyn/sammantraden/{b.meeting.pk}/protokoll/"'
    assert link in page(client, "/anslagstavla/")
    assert "Protokoll Regionstyrelsen" in page(
        client, f"/insyn/sammantraden/{b.meeting.pk}/protokoll/"
    )


def test_an_immediately_adjusted_paragraph_links_once_the_minutes_are_adjusted(client, b):
    minutes = started_minutes(b)
    p3 = paragraph(minutes, 3)
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=minutes, paragraph=p3)
    board = page(client, "/anslagstavla/")
    assert "– § 3" in board
    assert "/protokoll/" not in board  # the minutes page is not public yet
    assert "Protokollet publiceras när det är justerat i sin helhet." in board
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=Minutes.objects.get(pk=minutes.pk))
    board = page(client, "/anslagstavla/")
    assert f'href="/insyn/sammantraden/{b.meeting.pk}/protokoll/#p-3"' in board
    assert f'href="/insyn/sammantraden/{b.meeting.pk}/protokoll/"' in board


def build_public_book(b, secretary):
    book, _ = meeting_book_request(actor=secretary, meeting=b.meeting, edition=BookEdition.PUBLIC)
    book = meeting_book_build_run(book.pk)
    assert book.status == BookStatus.DONE, book.error
    document_inspect.call(book.document_id)  # the background task: the privacy step
    return MeetingBook.objects.get(pk=book.pk)


def test_the_meeting_page_links_the_public_book_once_built(client, b, secretary):
    url = f"/insyn/sammantraden/{b.meeting.pk}/"
    assert "Kallelse med handlingar" not in page(client, url)
    book = build_public_book(b, secretary)
    assert book.document.publication.status == ReviewStatus.APPROVED
    html = page(client, url)
    pdf_link = f'href="/insyn/handlingar/{book.document_id}/fil/"'
    assert pdf_link in html and f"(PDF, {book.pages} sidor)" in html
    assert f'href="/sammantraden/{b.meeting.pk}/kallelse/offentlig/"' in html
    response = client.get(f"/insyn/handlingar/{book.document_id}/fil/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "Motion om gröna obligationer" in page(
        client, f"/sammantraden/{b.meeting.pk}/kallelse/offentlig/"
    )


def test_a_book_waiting_for_the_privacy_review_is_linked_only_as_a_web_page(
    client, b, secretary, settings
):
    settings.KANSLI_PUBLISH_CLEAN_DOCUMENTS = False  # every document waits for a person
    book = build_public_book(b, secretary)
    publication = book.document.publication
    assert publication.status == ReviewStatus.WAITING
    url = f"/insyn/sammantraden/{b.meeting.pk}/"
    html = page(client, url)
    assert f"/insyn/handlingar/{book.document_id}/fil/" not in html
    assert f'href="/sammantraden/{b.meeting.pk}/kallelse/offentlig/"' in html
    publication_approve(actor=None, publication=publication)
    assert f"/insyn/handlingar/{book.document_id}/fil/" in page(client, url)


def test_the_members_edition_is_never_linked_for_the_public(client, b, secretary):
    book, _ = meeting_book_request(actor=secretary, meeting=b.meeting, edition=BookEdition.MEMBERS)
    meeting_book_build_run(book.pk)
    html = page(client, f"/insyn/sammantraden/{b.meeting.pk}/")
    assert "Kallelse med handlingar" not in html and "/kallelse/ledamoter/" not in html
