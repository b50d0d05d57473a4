"""SQLite: an FTS5 table of stems (rowid = SearchEntry.id), ranked by bm25 with the title
weighted four times the text."""

from collections.abc import Sequence

from django.db import connection

from ..models import SearchEntry
from ..query import ParsedQuery
from .base import MAX_COUNT, Backend, Filters, IndexRow, Matches

TITLE_WEIGHT = 4.0


def fts5_expression(query: ParsedQuery) -> str:
    """An FTS5 MATCH expression. Stems are letters and digits only (stemming.WORD), each group
    a quoted string (several stems in one string form a phrase), so no user text is syntax."""

    def quoted(group: tuple[str, ...]) -> str:
        return '"' + " ".join(group).replace('"', '""') + '"'

    expression = "(" + " AND ".join(quoted(g) for g in query.groups) + ")"
    for group in query.excluded:
        expression += " NOT " + quoted(group)
    return expression


class SQLiteBackend(Backend):
    vendor = "sqlite"

    def write(self, entry_id: int, title_stems: str, text_stems: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry_id])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, text) VALUES (%s, %s, %s)",
                [entry_id, title_stems, text_stems],
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
                "INSERT INTO search_fts (rowid, title, text) VALUES (%s, %s, %s)",
                [(e.pk, r.title_stems, r.text_stems) for e, r in zip(entries, rows, strict=True)],
            )
        return len(entries)

    def match(self, query: ParsedQuery, filters: Filters, offset: int, limit: int) -> Matches:
        conditions, params = filters.sql("e")
        where = "".join(f" AND {c}" for c in conditions)
        expression = fts5_expression(query)
        # CROSS JOIN keeps the FTS5 table the outer loop: the filters only narrow its matches.
        source = (
            "FROM search_fts CROSS JOIN search_searchentry e ON e.id = search_fts.rowid "
            "WHERE search_fts MATCH %s" + where
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.id {source} "
                "ORDER BY bm25(search_fts, %s, 1.0), e.id DESC LIMIT %s OFFSET %s",
                [expression, *params, TITLE_WEIGHT, limit, offset],
            )
            ids = [row[0] for row in cursor.fetchall()]
            if filters.any:
                counted = f"SELECT 1 {source} LIMIT %s"
                count_params = [expression, *params, MAX_COUNT + 1]
            else:
                counted = "SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT %s"
                count_params = [expression, MAX_COUNT + 1]
            cursor.execute(f"SELECT count(*) FROM ({counted})", count_params)  # noqa: S608
            total = cursor.fetchone()[0]
        return Matches(ids=ids, total=total)
