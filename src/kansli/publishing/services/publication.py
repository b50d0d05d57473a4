"""The privacy step before publication: prepare (find), approve (publish), reopen."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.formatting import format_date, format_number
from kansli.core.models import User
from kansli.core.pdf import render_pdf
from kansli.meetings.models import BookEdition, MeetingBook
from kansli.registry.models import Document, Visibility

from ..indexing import index_document
from ..masking import masked_text, published_facts
from ..models import Finding, Publication, ReviewStatus
from ..permissions import can_review
from ..public_text import masked
from ..redaction import find_personal_data
from ..redaction.findings import Finding as FoundData

DENIED = "Du får inte granska handlingar i det här ärendet."
UNREAD = "Filens text kunde inte läsas helt (en bild, skannade sidor eller en skadad del)."


def _may_publish(document: Document) -> bool:
    return document.visibility == Visibility.PUBLIC and not document.case.is_secret


def publication_prepare(
    *, actor: User | None, document: Document, complete: bool = True, reason: str = ""
) -> Publication | None:
    """Look for personal data in a public document's text and queue it for review.

    A document that may not be published (not public, or in a case under secrecy) gets no
    publication, and loses one it had. A document where nothing is found and whose text
    could be read is approved at once when KANSLI_PUBLISH_CLEAN_DOCUMENTS is on; one with
    findings, or a file without readable text (an image, a scan), waits for a person, with
    `reason` (why its text was not read whole) for the reviewer. An approved publication is
    left as it is.

    The text is searched before anything is written, outside any transaction: a long text
    must not hold the database while it is read. A document with more findings than
    KANSLI_MAX_FINDINGS keeps the first of them and waits for a person who reads the file."""
    text = Document.objects.filter(pk=document.pk).values_list("text", flat=True).first() or ""
    found = find_personal_data(text, allow=published_facts())
    limit = settings.KANSLI_MAX_FINDINGS
    if len(found) > limit:
        complete = False
        reason = reason or too_many_findings(len(found), limit)
        found = found[:limit]
    return _prepare(
        actor=actor,
        document=document,
        found=found,
        complete=complete,
        has_text=bool(text.strip()),
        reason=reason,
    )


def too_many_findings(count: int, limit: int) -> str:
    return (
        f"Texten innehåller {format_number(count)} möjliga personuppgifter; de första "
        f"{format_number(limit)} visas. Läs hela filen innan du godkänner."
    )


@transaction.atomic
def _prepare(
    *,
    actor: User | None,
    document: Document,
    found: list[FoundData],
    complete: bool,
    has_text: bool,
    reason: str,
) -> Publication | None:
    document = Document.objects.select_related("case").defer("text").get(pk=document.pk)
    existing = (
        Publication.objects.select_for_update().defer("masked_text").filter(document=document)
    ).first()
    if not _may_publish(document):
        if existing is not None:
            existing.delete()
        return None
    if existing is not None and existing.is_approved:
        return existing
    if existing is not None:
        existing.findings.all().delete()
    publication = existing or Publication(document=document)
    publication.has_text = complete and (has_text or not document.file)
    publication.reason = "" if publication.has_text else (reason or UNREAD)[:500]
    publication.status = ReviewStatus.WAITING
    publication.full_clean()
    publication.save()
    Finding.objects.bulk_create(
        (
            Finding(
                publication=publication,
                kind=str(f.kind),
                text=f.text[:500],
                start=f.start,
                end=f.end,
            )
            for f in found
        ),
        batch_size=500,
    )
    summary = (
        f"Integritetskontroll av {document.number}: {len(found)} personuppgifter hittades."
        if publication.has_text
        else f"Integritetskontroll av {document.number}: {publication.reason}"
    )
    audit_record(
        actor=actor,
        action="publication_prepare",
        obj=publication,
        scope=f"case:{document.case_id}",
        summary=summary[:500],
        changes={"findings": len(found)},
    )
    if not found and publication.has_text and settings.KANSLI_PUBLISH_CLEAN_DOCUMENTS:
        _approve(actor=None, publication=publication, automatic=True)
    return publication


def publication_approve(*, actor: User | None, publication: Publication) -> Publication:
    """A person has looked and lets the document out: its masked version (when anything is
    masked) is made and the document becomes public. The masked version is made before the
    transaction (a long text takes seconds to render); should a reviewer have changed the
    masking meanwhile, it is made again."""
    if actor is not None and not can_review(actor, publication.document.case):
        raise PermissionDenied(DENIED)
    version = masked_version(publication)
    with transaction.atomic():
        publication = _locked(publication)
        if actor is not None and not can_review(actor, publication.document.case):
            raise PermissionDenied(DENIED)
        if publication.is_approved:
            raise ValidationError("Handlingen är redan godkänd för publicering.")
        if _masked_keys(publication) != version.keys:
            version = masked_version(publication)
        _approve(actor=actor, publication=publication, automatic=False, version=version)
    return publication


@transaction.atomic
def publication_reopen(*, actor: User | None, publication: Publication) -> Publication:
    """Take a published document back into review: it stops being public at once."""
    publication = _locked(publication)
    if actor is not None and not can_review(actor, publication.document.case):
        raise PermissionDenied(DENIED)
    if not publication.is_approved:
        raise ValidationError("Handlingen väntar redan på granskning.")
    _delete_after_commit(publication)
    publication.masked_file = None
    publication.status = ReviewStatus.WAITING
    publication.reviewed_at = None
    publication.reviewed_by = None
    publication.save()
    audit_record(
        actor=actor,
        action="publication_reopen",
        obj=publication,
        scope=f"case:{publication.document.case_id}",
        summary=f"Handling {publication.document.number} togs tillbaka för ny granskning.",
    )
    for book_publication in _public_books_with(publication.document):
        publication_reopen(actor=None, publication=book_publication)
    return publication


def _public_books_with(document: Document) -> list[Publication]:
    """The published public meeting books that carry the document as an attachment: they
    carry the version now taken back, so they are taken back too (a rebuilt book carries
    the new version)."""
    books = MeetingBook.objects.filter(
        edition=BookEdition.PUBLIC,
        meeting__items__memo__basis__document=document,
        document__isnull=False,
    ).values("document")
    return list(
        Publication.objects.filter(document__in=books, status=ReviewStatus.APPROVED).exclude(
            document=document
        )
    )


def _locked(publication: Publication) -> Publication:
    return (
        Publication.objects.select_for_update(of=("self",))
        .select_related("document__case__organization")
        .defer("masked_text", "document__text")
        .get(pk=publication.pk)
    )


@dataclass(frozen=True)
class MaskedVersion:
    """What the public gets of a document: its text with the masked findings replaced, and
    the PDF of it when anything is masked in a file; `keys` names the findings it masks."""

    keys: tuple[tuple[int, int, int], ...]
    text: str
    pdf: bytes | None


def _masked_keys(publication: Publication) -> tuple[tuple[int, int, int], ...]:
    findings = publication.findings.filter(masked=True).order_by("start", "pk")
    return tuple(findings.values_list("pk", "start", "end"))


def masked_version(publication: Publication) -> MaskedVersion:
    document = Document.objects.select_related("case__organization").get(pk=publication.document_id)
    masked = list(publication.findings.filter(masked=True).order_by("start", "pk"))
    text = masked_text(document.text, masked)
    pdf = None
    if masked and document.file:
        data = _masked_data(document, text)
        pdf = render_pdf("publishing/typst/masked.typ", data, pdf_a=True)
    return MaskedVersion(tuple((f.pk, f.start, f.end) for f in masked), text, pdf)


def _approve(
    *,
    actor: User | None,
    publication: Publication,
    automatic: bool,
    version: MaskedVersion | None = None,
) -> None:
    document = publication.document
    version = version or masked_version(publication)
    masked = version.keys
    publication.masked_text = version.text
    _delete_after_commit(publication)
    publication.masked_file = None
    if version.pdf is not None:
        publication.masked_file.save(
            f"{document.number}-offentlig.pdf", ContentFile(version.pdf), save=False
        )
    publication.status = ReviewStatus.APPROVED
    publication.reviewed_at = timezone.now()
    publication.reviewed_by = actor if actor is not None and actor.pk else None
    publication.save()
    audit_record(
        actor=actor,
        action="publication_approve",
        obj=publication,
        scope=f"case:{document.case_id}",
        summary=(
            f"Handling {document.number} publicerades utan granskning: inga personuppgifter "
            "hittades."
            if automatic
            else f"Handling {document.number} godkändes för publicering med "
            f"{len(masked)} maskeringar."
        ),
        changes={"masked": len(masked)},
    )


def _delete_after_commit(publication: Publication) -> None:
    """Remove the old masked file once the change is committed (a rollback keeps it)."""
    if publication.masked_file:
        storage, name = publication.masked_file.storage, publication.masked_file.name
        transaction.on_commit(lambda: storage.delete(name))


def _masked_data(document: Document, text: str) -> dict[str, object]:
    organization = document.case.organization
    return {
        "number": document.number,
        "description": masked(document.description),
        "organization": organization.name if organization else "",
        "date": format_date(document.date),
        "note": (
            "Offentlig version. Personuppgifter om privatpersoner har maskerats före "
            "publicering; den ursprungliga handlingen kan begäras ut från registraturen."
        ),
        "paragraphs": [p for p in text.split("\n\n") if p.strip()][:5000],
    }


def publication_dispose(*, document: Document) -> None:
    """The document's file was disposed of (registry.services.disposal): its public version
    and the text read from it go too, after the disposal commits; the search index then
    holds only the register entry. Called by the registry's hook, inside the disposal."""
    publication = Publication.objects.select_for_update().filter(document=document).first()
    if publication is not None:
        name = publication.masked_file.name if publication.masked_file else ""
        publication.masked_file = ""
        publication.masked_text = ""
        publication.save(update_fields=["masked_file", "masked_text"])
        if name:
            storage = publication.masked_file.storage
            transaction.on_commit(lambda: storage.delete(name), robust=True)
    transaction.on_commit(lambda: index_document(document), robust=True)
