"""SQLite: an FTS5 table (rowid = SearchEntry.id) with the stems of title and text and a third
column of facet tokens (facets.py), so that the filters are FTS5 terms too and a query never
leaves the full-text index until the page's ids are known.

Ranking is bm25 with the title weighted four times the text, over the query's rarer words:
FTS5's bm25() reads the whole doclist of each word it ranks, on every query, to count the
entries holding it (some 70 ms for a word in nearly every one of a million entries). A word
in more than DENSE entries (a bounded probe tells) is left out of bm25, where its weight is
small anyway in an index that large, and counts only by standing in the title.

A query matching more than MAX_COUNT entries ranks the MAX_COUNT most recently indexed of them
(entries are indexed as they are published), which keeps every query's cost bounded.
"""

import datetime
from collections import Counter
from collections.abc import Sequence

from django.db import connection
from django.db.backends.utils import CursorWrapper

from ..models import SearchEntry
from ..query import ParsedQuery
from .base import MAX_COUNT, Backend, Filters, IndexRow, Matches
from .facets import entry_facets, filter_groups

TITLE_WEIGHT = 4.0
# Words in more entries than this are left out of bm25 (see above): reading a doclist of
# 50 000 entries takes some 4 ms.
DENSE = 50_000


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

    def _counts(self, cursor: CursorWrapper, stems: Sequence[str]) -> dict[str, float]:
        """How many entries hold each stem: exact up to MAX_COUNT, beyond that estimated from
        a bounded probe (how many ids the newest MAX_COUNT + 1 entries with it span)."""
        cursor.execute("SELECT max(rowid) FROM search_fts")
        newest = cursor.fetchone()[0] or 1
        out = {}
        for stem in stems:
            cursor.execute(
                "SELECT min(rowid), count(*) FROM (SELECT rowid FROM search_fts "
                "WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s)",
                [fts5_expression([(stem,)]), MAX_COUNT + 1],
            )
            oldest, count = cursor.fetchone()
            if count > MAX_COUNT:
                count = newest * count / max(newest - oldest + 1, 1)
            out[stem] = count
        return out

    def _rowids(self, cursor: CursorWrapper, expression: str, low: int, high: int) -> list[int]:
        cursor.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s",
            [expression, low, high],
        )
        return [row[0] for row in cursor.fetchall()]

    def match(self, query: ParsedQuery, filters: Filters, offset: int, limit: int) -> Matches:
        facet_groups = filter_groups(filters)
        if facet_groups is None:
            return Matches(ids=[], total=0)
        words = [(stem,) for stem in query.words]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT %s",
                [fts5_expression(words, query.excluded, facet_groups), MAX_COUNT + 1],
            )
            found = [row[0] for row in cursor.fetchall()]
            candidates = found[:MAX_COUNT]
            if not candidates:
                return Matches(ids=[], total=0)
            # Every later query reads only the ids between the oldest and newest candidate.
            low, high = min(candidates), max(candidates)
            exact: set[int] = set()
            if query.phrases:
                exact = set(self._rowids(cursor, fts5_expression(query.groups), low, high))
            counts = self._counts(cursor, query.words)
            rare = [(s,) for s in query.words if counts[s] <= DENSE]
            score: dict[int, float] = {}
            if rare:
                cursor.execute(
                    "SELECT rowid, bm25(search_fts, %s, 1.0, 0.0) FROM search_fts "
                    "WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s",
                    [TITLE_WEIGHT, fts5_expression(rare), low, high],
                )
                score = dict(cursor.fetchall())
            in_title: Counter[int] = Counter()
            for stem in query.words:
                if counts[stem] > DENSE:
                    # With all the words, so that the rarest of them leads the scan.
                    expression = fts5_expression(words) + f" AND title : {_quoted((stem,))}"
                    in_title.update(self._rowids(cursor, expression, low, high))
        # Phrases word for word first; then bm25 of the rarer words (lower is better); then
        # how many of the common words the title has; then the newer.
        ranked = sorted(
            candidates,
            key=lambda rowid: (rowid not in exact, score.get(rowid, 0.0), -in_title[rowid], -rowid),
        )
        return Matches(ids=ranked[offset : offset + limit], total=len(found))
