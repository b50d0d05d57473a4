"""Ordering a book: built by the worker with progress, stored as a registered document of
the meeting, not rebuilt when nothing changed, failing with a message that names the cause."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from kansli.core.models import AuditEntry
from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.demo.loader import demo_load
from kansli.meetings.book.services import meeting_book_request
from kansli.meetings.models import BookEdition, BookStatus, Meeting, MeetingBook
from kansli.memos.models import MemoSection
from kansli.registry.models import Document, Visibility


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def meeting(transactional_db):
    demo_load()
    return Meeting.objects.get(date=DEMO_MEETING["date"])


def test_a_book_is_built_and_registered_in_the_meetings_case(meeting, secretary):
    book, queued = meeting_book_request(
        actor=secretary, meeting=meeting, edition=BookEdition.MEMBERS
    )
    assert queued and book.status == BookStatus.QUEUED and book.progress == 0
    work()
    book.refresh_from_db()
    assert book.status == BookStatus.DONE and book.progress == 100, book.error
    document = book.document
    meeting.refresh_from_db()
    assert document.case == meeting.case
    assert meeting.case.title == "Sammanträde Regionstyrelsen 2020-08-26"
    assert meeting.case.series.code == "RS"  # the default series, not "OLL" first by code
    assert document.visibility == Visibility.INTERNAL
    with document.file.open("rb") as handle:
        assert len(PdfReader(io.BytesIO(handle.read())).pages) == book.pages
    assert AuditEntry.objects.filter(action="meeting_book_build", actor=secretary).exists()


def test_an_unchanged_book_is_not_rebuilt(meeting, secretary):
    first, _ = meeting_book_request(actor=secretary, meeting=meeting, edition=BookEdition.PUBLIC)
    work()
    again, queued = meeting_book_request(
        actor=secretary, meeting=meeting, edition=BookEdition.PUBLIC
    )
    assert not queued and again.pk == first.pk
    assert MeetingBook.objects.count() == 1
    # a changed memo changes the book
    MemoSection.objects.filter(memo__agenda_item__number=2, key="sammanfattning").update(
        text="Ny sammanfattning."
    )
    changed, queued = meeting_book_request(
        actor=secretary, meeting=meeting, edition=BookEdition.PUBLIC
    )
    assert queued and changed.pk != first.pk and changed.content_hash != first.content_hash
    work()
    changed.refresh_from_db()
    first.refresh_from_db()
    assert changed.document.number != first.document.number  # a new registered version


def test_a_vanished_attachment_fails_the_build_with_its_name(meeting, secretary):
    document = Document.objects.get(description__startswith="Motion om avgiftsfritt")
    document.file.storage.delete(document.file.name)
    book, _ = meeting_book_request(actor=secretary, meeting=meeting, edition=BookEdition.MEMBERS)
    work()
    book.refresh_from_db()
    assert book.status == BookStatus.FAILED
    assert document.number in book.error and "saknas" in book.error
    assert book.document is None
