"""SQLite: an FTS5 table (rowid = SearchEntry.id) with the stems of title and text and a third
column of facet tokens (facets.py), so that the filters are FTS5 terms too and a query never
leaves the full-text index until the page's ids are known.

Ranking is bm25 with the title weighted four times the text. A query matching more than
MAX_COUNT entries ranks the MAX_COUNT most recently indexed of them (entries are indexed as
they are published), which keeps every query's cost bounded.
"""

import datetime
from collections.abc import Sequence

from django.db import connection

from ..models import SearchEntry
from ..query import ParsedQuery
from .base import MAX_COUNT, Backend, Filters, IndexRow, Matches
from .facets import entry_facets, filter_groups

TITLE_WEIGHT = 4.0


def facets(kind: str, organization_id: int | None, date: datetime.date | None) -> str:
    """The facets column of an entry (see facets.py)."""
    return " ".join(entry_facets(kind, organization_id, date))


def _quoted(group: tuple[str, ...]) -> str:
    return '"' + " ".join(group).replace('"', '""') + '"'


def fts5_expression(
    groups: Sequence[tuple[str, ...]],
    excluded: Sequence[tuple[str, ...]] = (),
    facet_groups: Sequence[Sequence[str]] = (),
) -> str:
    """An FTS5 MATCH expression: every group (a quoted string; several stems in one string form
    a phrase), none of the excluded, limited to title and text; each facet group (alternatives)
    limited to the facets. Stems are letters and digits only (stemming.WORD) and quoted, so no
    user text is syntax."""
    words = "(" + " AND ".join(_quoted(g) for g in groups) + ")"
    for group in excluded:
        words += " NOT " + _quoted(group)
    expression = "{title text} : (" + words + ")"
    for alternatives in facet_groups:
        expression += " AND facets : (" + " OR ".join(alternatives) + ")"
    return expression


class SQLiteBackend(Backend):
    vendor = "sqlite"

    def write(self, entry: SearchEntry, title_stems: str, text_stems: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry.pk])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, text, facets) VALUES (%s, %s, %s, %s)",
                [
                    entry.pk,
                    title_stems,
                    text_stems,
                    facets(entry.kind, entry.organization_id, entry.date),
                ],
            )

    def insert_many(self, rows: Sequence[IndexRow]) -> int:
        entries = SearchEntry.objects.bulk_create(
            SearchEntry(
                key=r.key,
                kind=r.kind,
                title=r.title,
                text=r.text,
                url=r.url,
                date=r.date,
                organization_id=r.organization_id,
            )
            for r in rows
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, text, facets) VALUES (%s, %s, %s, %s)",
                [
                    (
                        e.pk,
                        r.title_stems,
                        r.text_stems,
                        facets(r.kind, r.organization_id, r.date),
                    )
                    for e, r in zip(entries, rows, strict=True)
                ],
            )
        return len(entries)

    def match(self, query: ParsedQuery, filters: Filters, offset: int, limit: int) -> Matches:
        facet_groups = filter_groups(filters)
        if facet_groups is None:
            return Matches(ids=[], total=0)
        words = [(stem,) for stem in query.words]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, bm25(search_fts, %s, 1.0, 0.0) FROM search_fts "
                "WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s",
                [TITLE_WEIGHT, fts5_expression(words, query.excluded, facet_groups), MAX_COUNT + 1],
            )
            candidates = cursor.fetchall()[: MAX_COUNT + 1]
            exact: set[int] = set()
            if query.phrases and candidates:
                # Which candidates hold the phrases word for word: the same rowid range again,
                # with the phrases (as cheap as the first query, however common the words).
                cursor.execute(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid >= %s",
                    [
                        fts5_expression(query.groups, (), facet_groups),
                        min(r[0] for r in candidates),
                    ],
                )
                exact = {row[0] for row in cursor.fetchall()}
        # Phrases word for word first; then bm25 (lower is better); then the newer.
        ranked = sorted(
            candidates[:MAX_COUNT], key=lambda row: (row[0] not in exact, row[1], -row[0])
        )
        ids = [row[0] for row in ranked[offset : offset + limit]]
        return Matches(ids=ids, total=len(candidates))
