"""`python -m kansli prepare-publications`: run the privacy step for documents that have
not been through it (registered before Kansli had it, or whose background task failed)."""

from typing import Any

from django.core.management.base import BaseCommand

from kansli.publishing.models import ReviewStatus
from kansli.registry.models import Document, Visibility
from kansli.registry.tasks import document_inspect


class Command(BaseCommand):
    help = (
        "Läser text och letar personuppgifter i offentliga handlingar som saknar "
        "publiceringssteg; rena publiceras, övriga hamnar i granskningskön."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        pending = Document.objects.filter(
            visibility=Visibility.PUBLIC, case__secrecy="", publication__isnull=True
        ).values_list("pk", flat=True)
        count = 0
        for pk in pending.iterator():
            document_inspect.call(pk)
            count += 1
        published = Document.objects.filter(publication__status=ReviewStatus.APPROVED).count()
        waiting = Document.objects.filter(publication__status=ReviewStatus.WAITING).count()
        self.stdout.write(
            f"{count} handlingar kontrollerades. Publicerade: {published}. "
            f"Väntar på granskning: {waiting}."
        )
