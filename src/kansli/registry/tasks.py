"""Background tasks of the registry."""

from django_tasks import task

from kansli.core.leases.failure import checkpoint, on_failure

from . import hooks
from .models import Document
from .text import Extracted, readable
from .text_box import Reading, read_boxed


@task()
def document_inspect(document_id: int) -> int | None:
    """After registration: count a PDF's pages, read the file's text in the box
    (text_box.py), and hand the document to what the apps above registered in
    hooks.on_document_inspected (kansli.publishing: the privacy step before publication).
    Returns the page count of a PDF. Nothing here holds a transaction while a file is read
    or searched; the results are written in short ones."""
    document = Document.objects.filter(pk=document_id).select_related("case").defer("text").first()
    if document is None:
        return None
    pages = None
    complete, reason = True, ""
    if document.file:
        reading = _read(document)
        pages = reading.pages
        extracted = reading.extracted
        # Text that was not read has not been checked: then the publication waits for a person.
        complete = extracted is not None and extracted.complete
        reason = extracted.reason if extracted is not None else NO_TEXT
        text = extracted.text if extracted is not None else ""
        Document.objects.filter(pk=document_id).update(pages=pages, text=text)
    checkpoint()
    hooks.document_inspected(actor=None, document=document, complete=complete, reason=reason)
    return pages


@on_failure(document_inspect)
def document_inspect_failed(document_id: int, *, message: str) -> None:
    """The inspection failed for good (its worker kept dying, or it raised): the case's
    history says so, and a public document waits for a person in the review queue."""
    from .inspection import document_inspection_fail

    document_inspection_fail(document_id=document_id, message=message)


NO_TEXT = "Filen har ingen text som kan läsas automatiskt (en bild eller skannade sidor)."


def _read(document: Document) -> Reading:
    if not readable(document.content_type):
        return Reading(None)
    try:
        return read_boxed(document.file, document.content_type)
    except OSError:
        # the stored file cannot be opened: no text, and a person must look
        return Reading(Extracted("", False, "Den lagrade filen kunde inte öppnas."))
