"""Background tasks of the registry."""

from typing import IO

from django_tasks import task
from pypdf import PdfReader
from pypdf.errors import PyPdfError

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
    if document.file:
        try:
            with document.file.open("rb") as handle:
                if document.content_type == PDF.content_type:
                    pages = _pages(handle)
                    handle.seek(0)
                text = extract_text(handle, document.content_type)
        except OSError:
            text = None
        Document.objects.filter(pk=document_id).update(pages=pages, text=text or "")
        document.refresh_from_db()
    from kansli.publishing.services import publication_prepare

    publication_prepare(actor=None, document=document)
    return pages


def _pages(handle: IO[bytes]) -> int | None:
    try:
        return len(PdfReader(handle).pages)
    except (PyPdfError, ValueError, OSError):
        return None
