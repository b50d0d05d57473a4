"""Taking a document back for review takes back the public meeting books that carry it."""

import pytest
from django.core.management import call_command

from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.demo.loader import demo_load
from kansli.meetings.book.services import meeting_book_request
from kansli.meetings.models import BookEdition, BookStatus, Meeting
from kansli.publishing import services
from kansli.publishing.models import Publication, ReviewStatus
from kansli.registry.models import Document


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_withdrawing_an_attachment_withdraws_the_public_book(secretary, registrar):
    demo_load()
    work()  # the privacy step for the demo's documents
    meeting = Meeting.objects.get(date=DEMO_MEETING["date"])
    book, _ = meeting_book_request(actor=secretary, meeting=meeting, edition=BookEdition.PUBLIC)
    work()  # the build, then the privacy step for the book itself
    book.refresh_from_db()
    assert book.status == BookStatus.DONE, book.error
    book_publication = Publication.objects.get(document=book.document)
    if book_publication.status != ReviewStatus.APPROVED:
        services.publication_approve(actor=registrar, publication=book_publication)
    attached = Document.objects.filter(
        basis_entries__memo__agenda_item__meeting=meeting, publication__status="granskad"
    ).first()
    assert attached is not None
    services.publication_reopen(actor=registrar, publication=attached.publication)
    assert Publication.objects.get(document=book.document).status == ReviewStatus.WAITING
