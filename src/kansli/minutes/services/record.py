"""The meeting's acts in the registry: once minutes are adjusted, the minutes as drawn up
(upprättad) in the meeting's case and each paragraph's extract in the paragraph's case; an
immediately adjusted paragraph's extract at once. Run by the worker (tasks.py) after the
adjustment has committed; a run registers only what is not registered yet, so it may run
again after a failure."""

import datetime
import io

from django.db import transaction

from kansli.core.audit import audit_record
from kansli.meetings.services.meeting_case import meeting_case_of
from kansli.registry.models import Document, DocumentKind, Visibility
from kansli.registry.services import document_register

from ..content import paragraphs_of
from ..document import extract_pdf, minutes_pdf
from ..models import Minutes, Paragraph


def extract_visibility(paragraph: Paragraph) -> tuple[str, str]:
    """(visibility, secrecy) of a paragraph's extract in its case: as secret as the case,
    else public for a public paragraph and not published for the others."""
    case = paragraph.case
    if case is not None and case.is_secret:
        return Visibility.SECRET, case.secrecy
    return (Visibility.PUBLIC if paragraph.is_public else Visibility.INTERNAL), ""


def register_extract(
    paragraph: Paragraph,
    pdf: bytes,
    *,
    kind: DocumentKind,
    day: datetime.date,
    counterpart: str = "",
) -> Document:
    """A paragraph's extract (`pdf`) registered in its case, as secret as the case: drawn up
    when adjusted, outgoing when sent. A closed case takes it (its closing act). The
    paragraph must have a case."""
    assert paragraph.case is not None
    meeting = paragraph.minutes.meeting
    visibility, secrecy = extract_visibility(paragraph)
    return document_register(
        actor=None,
        case=paragraph.case,
        kind=kind,
        date=day,
        description=f"Protokollsutdrag {meeting.organization} {meeting.date.isoformat()} "
        f"{paragraph.label}",
        document_type="Protokollsutdrag",
        counterpart=counterpart,
        visibility=visibility,
        secrecy=secrecy,
        file=io.BytesIO(pdf),
        file_name=f"protokollsutdrag-{paragraph.year}-{paragraph.number}.pdf",
        file_size=len(pdf),
        closing_act=True,
    )


def _minutes_visibility(paragraphs: list[Paragraph]) -> str:
    """The whole minutes: public when every paragraph is public and none is of a secret
    case; otherwise not published (the public version is the portal's, redacted)."""
    hidden = any(not p.is_public or (p.case is not None and p.case.is_secret) for p in paragraphs)
    return Visibility.INTERNAL if hidden else Visibility.PUBLIC


def minutes_record_run(minutes_id: int) -> list[Document]:
    """Register what of the minutes is adjusted and not yet registered; returns the new
    documents."""
    registered: list[Document] = []
    try:
        _register(minutes_id, registered)
    except BaseException:
        # The transaction rolled back: the files it stored go too.
        for document in registered:
            document.file.storage.delete(document.file.name)
        raise
    return registered


def _register(minutes_id: int, registered: list[Document]) -> None:
    with transaction.atomic():
        minutes = (
            Minutes.objects.select_for_update(of=("self",))
            .select_related("meeting__organization__body")
            .get(pk=minutes_id)
        )
        meeting = minutes.meeting
        every = paragraphs_of(minutes)  # withdrawn ones too: the minutes print their titles
        paragraphs = [p for p in every if not p.withdrawn]
        if minutes.is_locked and minutes.document_id is None and minutes.adjusted_on:
            pdf = minutes_pdf(minutes)
            minutes.document = document_register(
                actor=None,
                case=meeting_case_of(meeting),
                kind=DocumentKind.DRAWN_UP,
                document_type="Protokoll",
                date=minutes.adjusted_on,
                description=f"Protokoll {meeting.organization} {meeting.date.isoformat()}, "
                f"justerat {minutes.adjusted_on.isoformat()}",
                visibility=_minutes_visibility(every),
                file=io.BytesIO(pdf),
                file_name=f"protokoll-{meeting.date.isoformat()}.pdf",
                file_size=len(pdf),
                closing_act=True,
            )
            minutes.save(update_fields=["document"])
            registered.append(minutes.document)
        for paragraph in paragraphs:
            adjusted_on = paragraph.immediately_adjusted_on or minutes.adjusted_on
            if paragraph.case is None or paragraph.extract_document_id is not None:
                continue
            if adjusted_on is None or not paragraph.is_locked:
                continue
            paragraph.extract_document = register_extract(
                paragraph, extract_pdf([paragraph]), kind=DocumentKind.DRAWN_UP, day=adjusted_on
            )
            paragraph.save(update_fields=["extract_document"])
            registered.append(paragraph.extract_document)


@transaction.atomic
def minutes_record_fail(*, minutes_id: int, message: str) -> None:
    """The registration failed for good (decision 0013): the meeting's history says so."""
    minutes = Minutes.objects.filter(pk=minutes_id).first()
    if minutes is None:
        return
    audit_record(
        actor=None,
        action="minutes_record_failed",
        obj=minutes,
        scope=f"meeting:{minutes.meeting_id}",
        summary="Det justerade protokollet och utdragen kunde inte registreras i diariet. "
        f"{message}",
    )
