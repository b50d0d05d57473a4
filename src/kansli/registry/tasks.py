"""Background tasks of the registry."""

from typing import IO

from django_tasks import task
from pypdf import PdfReader

from kansli.core.leases.failure import checkpoint, on_failure
from kansli.core.uploads import PDF

from .models import Document
from .text import extract_text


@task()
def document_inspect(document_id: int) -> int | None:
    """After registration: count a PDF's pages, read the file's text, and hand a public
    document to the privacy step before publication (kansli.publishing). Returns the
    page count of a PDF."""
    document = Document.objects.filter(pk=document_id).select_related("case").first()
    if document is None:
        return None
    pages = None
    complete = True
    if document.file:
        extracted = None
        try:
            with document.file.open("rb") as handle:
                if document.content_type == PDF.content_type:
                    pages = _pages(handle)
                    handle.seek(0)
                extracted = extract_text(handle, document.content_type)
        except OSError:
            pass  # the stored file cannot be opened: no text, and a person must look
        # Text that was not read has not been checked: then the publication waits for a person.
        complete = extracted is not None and extracted.complete
        text = extracted.text if extracted is not None else ""
        Document.objects.filter(pk=document_id).update(pages=pages, text=text)
        document.refresh_from_db()
    checkpoint()
    from kansli.publishing.services import publication_prepare

    publication_prepare(actor=None, document=document, complete=complete)
    return pages


@on_failure(document_inspect)
def document_inspect_failed(document_id: int, *, message: str) -> None:
    """The inspection failed for good (its worker kept dying, or it raised): the case's
    history says so, and a public document waits for a person in the review queue."""
    from .inspection import document_inspection_fail

    document_inspection_fail(document_id=document_id, message=message)


def _pages(handle: IO[bytes]) -> int | None:
    try:
        return len(PdfReader(handle).pages)
    except Exception:
        # Deliberately broad: pypdf raises many kinds of error on a damaged file; the count
        # is then unknown, and the task goes on to hand the document to the privacy step.
        return None
