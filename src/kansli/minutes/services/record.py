"""The meeting's acts in the registry: once minutes are adjusted, the minutes as drawn up
(upprättad) in the meeting's case and each paragraph's extract in the paragraph's case; an
immediately adjusted paragraph's extract at once. Run by the worker (tasks.py) after the
adjustment has committed; a run registers only what is not registered yet, so it may run
again after a failure."""

import datetime
import io
from collections.abc import Callable
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.meetings.services.meeting_case import meeting_case_of
from kansli.registry.models import Case, Document, DocumentKind, Visibility
from kansli.registry.services import document_register

from ..content import paragraphs_of
from ..document import extract_pdf, minutes_pdf
from ..models import Minutes, Paragraph
from ..permissions import KEEP_MINUTES
from ..record_state import record_state
from ..tasks import minutes_record


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
    documents.

    The PDFs are rendered first, outside any transaction (adjusted minutes are sealed: what
    they print cannot change), and each is then registered in a short transaction of its
    own that locks the minutes and looks again, so long minutes do not hold the database
    while they render and two runs never register the same act twice."""
    minutes = Minutes.objects.select_related("meeting__organization__body").get(pk=minutes_id)
    every = paragraphs_of(minutes)  # withdrawn ones too: the minutes print their titles
    registered: list[Document] = []
    if minutes.is_locked and minutes.document_id is None and minutes.adjusted_on:
        pdf = minutes_pdf(minutes)
        _in_transaction(registered, partial(_register_minutes, minutes_id, pdf))
    for paragraph in every:
        if paragraph.withdrawn or paragraph.case is None:
            continue
        if paragraph.extract_document_id is not None or not paragraph.is_locked:
            continue
        if (paragraph.immediately_adjusted_on or minutes.adjusted_on) is None:
            continue
        pdf = extract_pdf([paragraph])
        _in_transaction(registered, partial(_register_extract, paragraph.pk, pdf))
    return registered


def _in_transaction(
    registered: list[Document], register: Callable[[list[Document]], object]
) -> None:
    """Run one registration in its own transaction; `register` adds each document it stores
    to the list it is given at once, so a rollback (whenever it comes) deletes the file."""
    stored: list[Document] = []
    try:
        with transaction.atomic():
            register(stored)
    except BaseException:
        for document in stored:
            document.file.storage.delete(document.file.name)
        raise
    registered.extend(stored)


def _register_minutes(minutes_id: int, pdf: bytes, stored: list[Document]) -> None:
    minutes = (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting__organization__body")
        .get(pk=minutes_id)
    )
    if minutes.document_id is not None or minutes.adjusted_on is None:
        return  # another run was first
    meeting = minutes.meeting
    # Read again inside the lock: a case marked secret while the PDF rendered counts.
    now = list(Paragraph.objects.filter(minutes=minutes).select_related("case"))
    document = document_register(
        actor=None,
        case=meeting_case_of(meeting),
        kind=DocumentKind.DRAWN_UP,
        document_type="Protokoll",
        date=minutes.adjusted_on,
        description=f"Protokoll {meeting.organization} {meeting.date.isoformat()}, "
        f"justerat {minutes.adjusted_on.isoformat()}",
        visibility=_minutes_visibility(now),
        file=io.BytesIO(pdf),
        file_name=f"protokoll-{meeting.date.isoformat()}.pdf",
        file_size=len(pdf),
        closing_act=True,
    )
    stored.append(document)
    minutes.document = document
    minutes.save(update_fields=["document"])


def _register_extract(paragraph_id: int, pdf: bytes, stored: list[Document]) -> None:
    minutes_id = Paragraph.objects.values_list("minutes_id", flat=True).get(pk=paragraph_id)
    Minutes.objects.select_for_update(of=("self",)).get(pk=minutes_id)
    paragraph = Paragraph.objects.select_related("minutes__meeting__organization", "case").get(
        pk=paragraph_id
    )
    if paragraph.extract_document_id is not None or paragraph.case is None:
        return  # another run was first
    # The case locked and read now: its secrecy decides the extract's (extract_visibility).
    Case.objects.select_for_update().get(pk=paragraph.case.pk)
    adjusted_on = paragraph.immediately_adjusted_on or paragraph.minutes.adjusted_on
    if adjusted_on is None:
        return
    document = register_extract(paragraph, pdf, kind=DocumentKind.DRAWN_UP, day=adjusted_on)
    stored.append(document)
    paragraph.extract_document = document
    paragraph.save(update_fields=["extract_document"])


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


@transaction.atomic
def minutes_record_retry(*, actor: User | None, minutes: Minutes) -> None:
    """Run the registration again, after a failure or when a worker was down."""
    if actor is not None:
        require(actor, KEEP_MINUTES)
    if not record_state(minutes).pending:
        raise ValidationError("Allt i protokollet är redan registrerat i diariet.")
    audit_record(
        actor=actor,
        action="minutes_record_retry",
        obj=minutes,
        scope=f"meeting:{minutes.meeting_id}",
        summary="Registreringen av protokollet och utdragen i diariet startades igen.",
    )
    minutes_id = minutes.pk
    transaction.on_commit(lambda: minutes_record.enqueue(minutes_id))
