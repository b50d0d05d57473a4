"""Writes to the search index.

The index holds only what the anonymous public may read: the publishing step is its only
caller, and hands over text that is already public with personal data masked. These functions
trust their caller and never read from anywhere else.

They are infrastructure, called from signals and tasks, not actions of a person: no audit row
is written for them (the publishing step audits the publication itself).
"""

import datetime
import re
from collections.abc import Iterable
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import transaction

from .backends import IndexItem, IndexRow, backend
from .models import SearchEntry, kind_values, validate_public_url
from .stemming import index_stems

BATCH = 1000
# Control characters but tab and newline, and lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text as the index stores it: no NUL or other control characters (PostgreSQL cannot
    store NUL; PDFs' extracted text has form feeds and worse), newlines and tabs kept."""
    return _CONTROL.sub(" ", text)


def _title(title: str) -> str:
    return " ".join(clean_text(title).split())[:1000]


@transaction.atomic
def search_index(
    *,
    key: str,
    kind: str,
    title: str,
    text: str,
    url: str,
    date: datetime.date | None,
    organization_id: int | None,
) -> None:
    """Insert or replace the entry with this key (e.g. "document:12") and its full-text row,
    in one transaction. Raises ValidationError for a bad kind, key or url."""
    entry = SearchEntry.objects.select_for_update().filter(key=key).first() or SearchEntry(key=key)
    entry.kind = kind
    entry.title = _title(title)
    entry.text = clean_text(text)
    entry.url = url
    entry.date = date
    entry.organization_id = organization_id
    entry.full_clean()
    entry.save()
    backend().write(entry, index_stems(entry.title), index_stems(entry.text))


@transaction.atomic
def search_index_many(*, items: Iterable[IndexItem]) -> int:
    """Insert or replace many entries at once (a full reindex): batches of a thousand, bulk
    inserts into the table and the full-text structure. Returns how many were indexed.
    Validates kinds and urls; the organization ids are checked by the database."""
    kinds = kind_values()
    count = 0
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        rows = []
        for item in batch:
            if item.kind not in kinds:
                raise ValidationError(f"Okänd typ: {item.kind!r}")
            if not item.key or len(item.key) > 100:
                raise ValidationError("Nyckeln måste ha 1–100 tecken.")
            validate_public_url(item.url)
            title = _title(item.title)
            text = clean_text(item.text)
            rows.append(
                IndexRow(
                    key=item.key,
                    kind=item.kind,
                    title=title,
                    text=text,
                    url=item.url,
                    date=item.date,
                    organization_id=item.organization_id,
                    title_stems=index_stems(title),
                    text_stems=index_stems(text),
                )
            )
        # Last one wins within a batch, as with repeated search_index calls.
        rows = list({r.key: r for r in rows}.values())
        SearchEntry.objects.filter(key__in=[r.key for r in rows]).delete()
        count += backend().insert_many(rows)
    return count


@transaction.atomic
def search_remove(*, key: str) -> None:
    """Remove the entry with this key, if there is one."""
    SearchEntry.objects.filter(key=key).delete()


@transaction.atomic
def search_remove_prefix(*, prefix: str) -> int:
    """Remove every entry whose key starts with prefix (e.g. "document:" before a full
    reindex). Returns how many. An empty prefix is refused (it would empty the index)."""
    if not prefix:
        raise ValueError("prefix must not be empty")
    deleted, _ = SearchEntry.objects.filter(key__startswith=prefix).delete()
    return deleted
