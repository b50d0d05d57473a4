"""Reading the search index. Everything in it is public (see services), so every viewer sees
the same; the viewer is taken by convention, so that visibility is decided here."""

import datetime
import logging
import math
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction
from django.db.models import F

from kansli.core.roles import Viewer

from .backends import Filters, backend
from .backends.base import MAX_COUNT
from .models import SearchEntry, kind_label, kind_values
from .query import ParsedQuery, parse
from .snippets import Segment, snippet

logger = logging.getLogger(__name__)

MAX_PER_PAGE = 100
FAILED = "Sökningen kunde inte genomföras just nu. Försök igen om en stund."


@dataclass
class SearchHit:
    key: str
    kind: str
    kind_label: str
    title: str
    url: str
    date: datetime.date | None
    organization_name: str
    snippet: list[Segment]


@dataclass
class SearchPage:
    hits: list[SearchHit]
    total: int
    page: int
    pages: int
    message: str
    # True when there were more than `total` hits (counting stops at MAX_COUNT).
    more: bool = field(default=False)


def number(value: int) -> str:
    """An integer as Swedish text: groups of three digits separated by a no-break space."""
    return f"{value:,}".replace(",", "\u00a0")


def _hit(entry: SearchEntry, stems: frozenset[str]) -> SearchHit:
    return SearchHit(
        key=entry.key,
        kind=entry.kind,
        kind_label=kind_label(entry.kind),
        title=entry.title,
        url=entry.url,
        date=entry.date,
        organization_name=entry.organization.name if entry.organization else "",
        snippet=snippet(entry.text, stems),
    )


def _browse(filters: Filters, offset: int, limit: int) -> tuple[list[int], int]:
    """Without words: the latest entries that pass the filters."""
    entries = SearchEntry.objects.all()
    if filters.kinds:
        entries = entries.filter(kind__in=filters.kinds)
    if filters.organization_id is not None:
        entries = entries.filter(organization_id=filters.organization_id)
    if filters.date_from is not None:
        entries = entries.filter(date__gte=filters.date_from)
    if filters.date_to is not None:
        entries = entries.filter(date__lte=filters.date_to)
    total = entries[: MAX_COUNT + 1].count()
    ids = list(
        entries.order_by(F("date").desc(nulls_last=True), "-id").values_list("id", flat=True)[
            offset : offset + limit
        ]
    )
    return ids, total


def search(
    *,
    viewer: Viewer | None,
    query: str,
    kinds: Sequence[str] = (),
    organization_id: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    page: int = 1,
    per_page: int = 20,
) -> SearchPage:
    """One page of hits for any query text, best first. Never raises for what a reader typed:
    SearchPage.message explains in Swedish what was adjusted, or why there are no hits."""
    parsed: ParsedQuery = parse(query)
    notes = list(parsed.notes)
    known_kinds = kind_values()
    known = tuple(k for k in dict.fromkeys(kinds) if k in known_kinds)
    if len(known) != len(set(kinds)):
        notes.append("Okända typer av handlingar ignorerades.")
    filters = Filters(
        kinds=known, organization_id=organization_id, date_from=date_from, date_to=date_to
    )
    per_page = min(max(int(per_page), 1), MAX_PER_PAGE)
    page = max(int(page), 1)
    browsing = parsed.empty and not (query or "").strip() and filters.any
    if parsed.empty and not browsing:
        return SearchPage(hits=[], total=0, page=1, pages=0, message=" ".join(notes))
    if browsing:
        notes = ["Inga sökord: visar det senast publicerade som passar filtren."]
    requested = page
    page = min(page, math.ceil(MAX_COUNT / per_page))
    try:
        # Inside a transaction, a savepoint, so that a failed query leaves it usable. Outside
        # one, none: on SQLite a transaction of its own would take the write lock (BEGIN
        # IMMEDIATE) and every search would wait for writers and for the other searches.
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            if browsing:
                ids, total = _browse(filters, (page - 1) * per_page, per_page)
            else:
                matches = backend().match(parsed, filters, (page - 1) * per_page, per_page)
                ids, total = matches.ids, matches.total
            more = total > MAX_COUNT
            total = min(total, MAX_COUNT)
            pages = math.ceil(total / per_page)
            if total and requested > pages:
                notes.append(
                    f"Sidan {number(requested)} finns inte; visar den sista, {number(pages)}."
                )
            if not total:
                page = 1
            elif page > pages:
                page = pages
                if browsing:
                    ids, _ = _browse(filters, (page - 1) * per_page, per_page)
                else:
                    ids = backend().match(parsed, filters, (page - 1) * per_page, per_page).ids
            entries = SearchEntry.objects.select_related("organization").in_bulk(ids)
    except DatabaseError:
        logger.exception("search failed for %r", query[:200])
        return SearchPage(hits=[], total=0, page=1, pages=0, message=FAILED)
    if more and browsing:
        notes.append(f"Mer än {number(MAX_COUNT)} träffar; de senast publicerade visas.")
    elif more:
        notes.append(
            f"Mer än {number(MAX_COUNT)} träffar: de som visas är de som passar bäst bland de "
            f"{number(MAX_COUNT)} senast publicerade. Lägg till fler ord eller filter för att "
            "hitta rätt."
        )
    stems = parsed.stems
    hits = [_hit(entries[i], stems) for i in ids if i in entries]
    return SearchPage(
        hits=hits, total=total, page=page, pages=pages, message=" ".join(notes), more=more
    )
