"""`python -m kansli reindex`: rebuild the search index from the database."""

from typing import Any

from django.core.management.base import BaseCommand

from kansli.publishing.indexing import reindex_all


class Command(BaseCommand):
    help = "Bygger om sökindexet från databasen (bara det som är publicerat)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = reindex_all()
        self.stdout.write(
            f"Sökindexet är ombyggt: {counts['meetings']} sammanträden, {counts['cases']} "
            f"ärenden, {counts['documents']} handlingar, {counts['minutes']} protokoll."
        )
