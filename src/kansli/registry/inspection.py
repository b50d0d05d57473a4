"""When the inspection of a registered document's file cannot finish."""

from django.db import transaction

from kansli.core.audit import audit_record

from . import hooks
from .models import Document


@transaction.atomic
def document_inspection_fail(*, document_id: int, message: str) -> None:
    """Record in the case's history that the file's inspection stopped, and hand the document
    to the privacy step as unread: a public document then waits in the review queue for a
    person ("Kunde inte läsas helt – granska filen") instead of being left nowhere."""
    document = Document.objects.select_related("case").filter(pk=document_id).first()
    if document is None:
        return
    audit_record(
        actor=None,
        action="document_inspect_failed",
        obj=document,
        scope=f"case:{document.case_id}",
        summary=f"Granskningen av filen i {document.number} avbröts. {message} "
        "En person behöver granska filen innan handlingen publiceras.",
    )
    hooks.document_inspected(
        actor=None,
        document=document,
        complete=False,
        reason=f"Granskningen av filen avbröts. {message}",
    )
