"""PostgreSQL: a tsvector column `document` (title weight A, text weight B, and the facet
lexemes of facets.py for the filters) with a GIN index, ranked by ts_rank_cd.

The tsvector is built with to_tsvector('simple', …) from the stems of kansli.search.stemming,
not with the 'swedish' configuration from the original text: PostgreSQL's Swedish Snowball is
an older version of the algorithm than the snowballstemmer package (it keeps "sammanträdet"
where the package gives "sammanträd"), and neither maps "protokollet" to "protokoll". One
analyser for both databases means the same query finds the same entries on either, and the
snippets (made in Python) highlight the very words that matched. The Swedish stop words are
left out by the analyser too (the same list as PostgreSQL's swedish.stop).
"""

import datetime
from collections.abc import Sequence

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper

from ..models import SearchEntry
from ..query import ParsedQuery
from .base import MAX_COUNT, Backend, Filters, IndexRow, Matches
from .facets import entry_facets, filter_groups

# ts_rank_cd weights {D, C, B, A}: the title (A) counts four times the text (B).
WEIGHTS = "{0.1, 0.2, 0.25, 1.0}"
# Ids searched in the first window from the newest; the next windows follow the density of
# matches seen (match()). Windows wider than WALK are read through the GIN index only.
FIRST_WINDOW = 2048
WALK = 16384
# The title's stems (weight A), the text's (weight B) and the facet lexemes (no positions).
DOCUMENT = (
    "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') "
    "|| %s::tsvector"
)


def facet_lexemes(tokens: Sequence[str]) -> str:
    """Facet tokens (letters and digits) as tsvector or tsquery lexemes, "_" first."""
    return " ".join(f"'_{token}'" for token in tokens)


def facet_query(groups: Sequence[Sequence[str]]) -> str:
    """A tsquery (for a ::tsquery cast) that every group of alternatives must match."""
    return " & ".join(
        "(" + " | ".join(f"'_{token}'" for token in alternatives) + ")" for alternatives in groups
    )


def _quoted(group: tuple[str, ...]) -> str:
    phrase = " <-> ".join("'" + s.replace("'", "''").replace("\\", "\\\\") + "'" for s in group)
    return f"({phrase})"


def tsquery_text(
    groups: Sequence[tuple[str, ...]], excluded: Sequence[tuple[str, ...]] = ()
) -> str:
    """The text for to_tsquery('simple', …): every group (several stems form a phrase, <->),
    none of the excluded. Stems are letters and digits only (stemming.WORD), each quoted as a
    lexeme, so no user text is syntax."""
    text = " & ".join(_quoted(g) for g in groups)
    for group in excluded:
        text += " & !" + _quoted(group)
    return text


class PostgreSQLBackend(Backend):
    vendor = "postgresql"

    def write(self, entry: SearchEntry, title_stems: str, text_stems: str) -> None:
        facets = facet_lexemes(entry_facets(entry.kind, entry.organization_id, entry.date))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE search_searchentry SET document = {DOCUMENT} WHERE id = %s",  # noqa: S608
                [title_stems, text_stems, facets, entry.pk],
            )

    def insert_many(self, rows: Sequence[IndexRow]) -> int:
        """COPY into a temporary table, then one INSERT … SELECT that builds the tsvectors."""
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS search_stage ("
                "key varchar(100), kind varchar(20), title varchar(1000), text text, "
                "url varchar(500), date date, organization_id bigint, "
                "title_stems text, text_stems text, facets text) ON COMMIT DELETE ROWS"
            )
            cursor.execute("TRUNCATE search_stage")
            with cursor.cursor.copy(
                "COPY search_stage (key, kind, title, text, url, date, organization_id, "
                "title_stems, text_stems, facets) FROM STDIN"
            ) as copy:
                for r in rows:
                    copy.write_row(
                        (
                            r.key,
                            r.kind,
                            r.title,
                            r.text,
                            r.url,
                            r.date,
                            r.organization_id,
                            r.title_stems,
                            r.text_stems,
                            facet_lexemes(entry_facets(r.kind, r.organization_id, r.date)),
                        )
                    )
            cursor.execute(
                "INSERT INTO search_searchentry "
                "(key, kind, title, text, url, date, organization_id, document) "
                "SELECT key, kind, title, text, url, date, organization_id, "
                "setweight(to_tsvector('simple', title_stems), 'A') || "
                "setweight(to_tsvector('simple', text_stems), 'B') || facets::tsvector "
                "FROM search_stage"
            )
            inserted: int = cursor.rowcount
            cursor.execute("TRUNCATE search_stage")
        return inserted

    def _id_range(self, cursor: CursorWrapper, filters: Filters) -> tuple[int, int]:
        """The ids that can match: all, or those of the period when dates limit the search
        (from the (date, id) index alone)."""
        if filters.date_from is None and filters.date_to is None:
            cursor.execute("SELECT 1, coalesce(max(id), 0) FROM search_searchentry")
        else:
            # OFFSET 0 keeps the planner from answering min() and max() by walking the primary
            # key and testing dates: the period's ids come from the (date, id) index alone.
            cursor.execute(
                "SELECT coalesce(min(id), 1), coalesce(max(id), 0) FROM (SELECT id FROM "
                "search_searchentry WHERE date BETWEEN %s AND %s OFFSET 0) period",
                [filters.date_from or datetime.date.min, filters.date_to or datetime.date.max],
            )
        low, high = cursor.fetchone()
        return low, high

    def match(self, query: ParsedQuery, filters: Filters, offset: int, limit: int) -> Matches:
        """The newest MAX_COUNT + 1 entries with all the words, found window by window of ids
        from the newest, ranked: phrases word for word first, then ts_rank_cd, then the newer.
        In each window the planner walks the primary key (common words) or intersects the GIN
        index with it (rare words); the window bounds the rows either way."""
        groups = filter_groups(filters)
        if groups is None:
            return Matches(ids=[], total=0)
        words = tsquery_text([(stem,) for stem in query.words], query.excluded)
        # The filters join the words in one tsquery for the GIN index; the rank uses the words.
        matched, facet_params = "q", []
        if groups:
            matched, facet_params = "(q && %s::tsquery)", [facet_query(groups)]
        exact, exact_params = "false", []
        if query.phrases:
            exact = "c.document @@ to_tsquery('simple', %s)"
            exact_params = [tsquery_text(query.phrases)]
        sql = (
            f"SELECT c.id, {exact}, ts_rank_cd(%s::float4[], c.document, c.q, 1) FROM ("  # noqa: S608
            "SELECT e.id, e.document, q FROM search_searchentry e, to_tsquery('simple', %s) q "
            f"WHERE e.document @@ {matched} AND e.id > %s AND e.id <= %s "
            "ORDER BY e.id DESC LIMIT %s) c"
        )
        candidates: list[tuple[int, bool, float]] = []
        with transaction.atomic(), connection.cursor() as cursor:
            low, high = self._id_range(cursor, filters)
            newest, window = high, FIRST_WINDOW
            while high >= low and len(candidates) <= MAX_COUNT:
                start = max(high - window, low - 1)
                need = MAX_COUNT + 1 - len(candidates)
                # A wide window is read through the GIN index: walking the primary key there
                # would test every row in it.
                cursor.execute(f"SET LOCAL enable_indexscan = {'off' if window > WALK else 'on'}")
                cursor.execute(
                    sql, [*exact_params, WEIGHTS, words, *facet_params, start, high, need]
                )
                candidates += cursor.fetchall()
                # The next window: twice what is missing at the density seen so far (another
                # pass of the GIN index costs more than the extra rows), at least twice this
                # one; all the rest when nothing matched yet.
                density = len(candidates) / max(FIRST_WINDOW, newest - start)
                wanted = 2 * (MAX_COUNT + 1 - len(candidates)) / density if density else newest
                window = int(max(window * 2, wanted))
                high = start
            cursor.execute("SET LOCAL enable_indexscan = on")
        ranked = sorted(candidates[:MAX_COUNT], key=lambda row: (not row[1], -row[2], -row[0]))
        ids = [row[0] for row in ranked[offset : offset + limit]]
        return Matches(ids=ids, total=len(candidates))
