"""Background tasks of the registry."""

from django_tasks import task
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .models import Document


@task()
def document_inspect(document_id: int) -> int | None:
    """Count the pages of a registered PDF and store the count (shown in the case page)."""
    document = Document.objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return None
    try:
        with document.file.open("rb") as handle:
            pages = len(PdfReader(handle).pages)
    except (PyPdfError, ValueError, OSError):
        return None
    Document.objects.filter(pk=document_id).update(pages=pages)
    return pages
