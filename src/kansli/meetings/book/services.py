"""Writes for meeting books: ordering a build, and storing the result as a registered
document of the meeting."""

import io
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.leases.failure import checkpoint
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.registry.models import Case, DocumentKind, Visibility
from kansli.registry.services import document_register

from ..models import BookEdition, BookStatus, Meeting, MeetingBook
from ..permissions import MAKE_BOOKS
from ..services.meeting_case import meeting_case_of
from .data import book_data
from .render import BookError, render_book

logger = logging.getLogger(__name__)


def _reusable(meeting: Meeting, edition: str, content_hash: str) -> MeetingBook | None:
    """A finished book of exactly this content whose file is still stored."""
    for book in MeetingBook.objects.filter(
        meeting=meeting, edition=edition, content_hash=content_hash, status=BookStatus.DONE
    ).select_related("document"):
        document = book.document
        if (
            document is not None
            and document.file
            and document.file.storage.exists(document.file.name)
        ):
            return book
    return None


@transaction.atomic
def meeting_book_request(
    *, actor: User | None, meeting: Meeting, edition: str
) -> tuple[MeetingBook, bool]:
    """Order a build of a meeting's book. Returns (book, queued): when nothing in the book
    has changed since the last build, the finished book is returned and nothing is queued."""
    if actor is not None:
        require(actor, MAKE_BOOKS)
    if edition not in BookEdition.values:
        raise ValidationError({"edition": "Välj ledamöternas eller den offentliga versionen."})
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError("Sammanträdet är inställt; ingen kallelse skapas.")
    if not meeting.items.filter(withdrawn_at__isnull=True).exists():
        raise ValidationError("Dagordningen är tom. Lägg till ärenden innan kallelsen skapas.")
    content_hash = book_data(meeting, edition).content_hash
    existing = _reusable(meeting, edition, content_hash)
    if existing is not None:
        return existing, False
    running = MeetingBook.objects.filter(
        meeting=meeting,
        edition=edition,
        content_hash=content_hash,
        status__in=[BookStatus.QUEUED, BookStatus.RUNNING],
    ).first()
    if running is not None:
        return running, False
    book = MeetingBook.objects.create(
        meeting=meeting,
        edition=edition,
        content_hash=content_hash,
        requested_by=actor if actor is not None and actor.pk else None,
        step="I kö",
    )
    audit_record(
        actor=actor,
        action="meeting_book_request",
        obj=book,
        scope=f"meeting:{meeting.pk}",
        summary=f"Beställde kallelse med handlingar ({BookEdition(edition).label.lower()}).",
    )
    from ..tasks import meeting_book_build

    transaction.on_commit(lambda: meeting_book_build.enqueue(book.pk))
    return book, True


def _meeting_case(meeting: Meeting) -> Case:
    """The case the meeting's documents are registered in; registered at first need."""
    try:
        return meeting_case_of(meeting)
    except ValidationError as error:
        raise BookError(" ".join(error.messages)) from error


def _progress(book_id: int, percent: int, step: str) -> None:
    # Outside the build's own transaction, so the user sees it move.
    MeetingBook.objects.filter(pk=book_id).update(progress=min(percent, 99), step=step[:200])


def meeting_book_build_run(book_id: int) -> MeetingBook:
    """Build an ordered book (called by the background task)."""
    book = MeetingBook.objects.select_related("meeting__organization__body").get(pk=book_id)
    if book.status == BookStatus.DONE:
        return book
    # A book taken up again after its worker died starts from the beginning: nothing of a
    # build is stored before its last transaction.
    MeetingBook.objects.filter(pk=book_id).update(
        status=BookStatus.RUNNING, progress=1, step="Samlar innehållet", error=""
    )
    meeting = book.meeting
    try:
        data = book_data(meeting, book.edition)
        checkpoint()
        pdf, pages = render_book(data, lambda percent, step: _progress(book_id, percent, step))
        with transaction.atomic():
            # Finished meanwhile by another run (a worker taken for dead that was not): done.
            if MeetingBook.objects.select_for_update().get(pk=book_id).status == BookStatus.DONE:
                return MeetingBook.objects.get(pk=book_id)
            case = _meeting_case(Meeting.objects.select_for_update().get(pk=meeting.pk))
            label = BookEdition(book.edition).label.lower()
            document = document_register(
                actor=None,
                case=case,
                kind=DocumentKind.DRAWN_UP,
                document_type="Kallelse",
                date=timezone.localdate(),
                description=f"Kallelse med handlingar {meeting.organization} "
                f"{meeting.date.isoformat()}, {label}",
                visibility=Visibility.PUBLIC
                if book.edition == BookEdition.PUBLIC
                else Visibility.INTERNAL,
                file=io.BytesIO(pdf),
                file_name=f"kallelse-{meeting.date.isoformat()}-{book.edition}.pdf",
            )
            MeetingBook.objects.filter(pk=book_id).update(
                status=BookStatus.DONE,
                progress=100,
                step="Klar",
                document=document,
                pages=pages,
                content_hash=data.content_hash,
                finished_at=timezone.now(),
            )
            audit_record(
                actor=book.requested_by,
                action="meeting_book_build",
                obj=book,
                scope=f"meeting:{meeting.pk}",
                summary=f"Skapade kallelse med handlingar ({label}), {pages} sidor, "
                f"registrerad som {document.number}.",
            )
    except (BookError, ValidationError) as error:
        message = str(error) if isinstance(error, BookError) else " ".join(error.messages)
        _fail(book_id, message)
    except Exception:
        logger.exception("meeting book %s failed", book_id)
        _fail(book_id, "Kallelsen kunde inte skapas på grund av ett internt fel. Försök igen.")
    return MeetingBook.objects.get(pk=book_id)


def meeting_book_fail(*, book_id: int, message: str) -> None:
    """A build that cannot finish (its task failed for good, e.g. its worker kept dying):
    the book is marked failed with the message, and can be ordered again. A finished or
    already failed book is left as it is."""
    with transaction.atomic():
        unfinished = MeetingBook.objects.filter(
            pk=book_id, status__in=[BookStatus.QUEUED, BookStatus.RUNNING]
        ).exists()
        if unfinished:
            _fail(book_id, message)


@transaction.atomic
def _fail(book_id: int, message: str) -> None:
    MeetingBook.objects.filter(pk=book_id).update(
        status=BookStatus.FAILED, step="Misslyckades", error=message, finished_at=timezone.now()
    )
    book = MeetingBook.objects.select_related("requested_by").get(pk=book_id)
    audit_record(
        actor=book.requested_by,
        action="meeting_book_build_failed",
        obj=book,
        scope=f"meeting:{book.meeting_id}",
        summary=f"Kallelsen kunde inte skapas: {message}",
    )
