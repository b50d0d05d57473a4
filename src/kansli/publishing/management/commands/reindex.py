"""`python -m kansli reindex`: rebuild the search index from the database."""

from typing import Any

from django.core.management.base import BaseCommand

from kansli.publishing.indexing import reindex_all


class Command(BaseCommand):
    help = "Bygger om sökindexet från databasen (bara det som är publicerat)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = reindex_all()
        # Other apps' indexers (kansli.core.extensions) are counted by their own names.
        others = "".join(
            f", {n} {name}"
            for name, n in counts.items()
            if name not in {"meetings", "cases", "documents", "minutes"}
        )
        self.stdout.write(
            f"Sökindexet är ombyggt: {counts['meetings']} sammanträden, {counts['cases']} "
            f"ärenden, {counts['documents']} handlingar, {counts['minutes']} protokoll{others}."
        )
