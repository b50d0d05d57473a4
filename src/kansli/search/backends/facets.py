"""Filters as index terms. Each entry carries facet tokens (k<kind>, o<organ id>, y<year>,
m<yyyymm>, d<yyyymmdd>) in its full-text row, and a filter becomes alternatives of tokens, so
the full-text index alone narrows a search: no join and no row read before the page's ids are
known. SQLite keeps them in a column of their own; PostgreSQL as lexemes with a leading "_"
(a stem never has one, stemming.WORD excludes "_")."""

import datetime

from django.db import connection

from .base import Filters


def entry_facets(kind: str, organization_id: int | None, date: datetime.date | None) -> list[str]:
    tokens = [f"k{kind}"]
    if organization_id is not None:
        tokens.append(f"o{organization_id}")
    if date is not None:
        tokens += [f"y{date:%Y}", f"m{date:%Y%m}", f"d{date:%Y%m%d}"]
    return tokens


def _month_end(day: datetime.date) -> datetime.date:
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def date_tokens(first: datetime.date, last: datetime.date) -> list[str]:
    """The fewest year, month and day tokens that cover first..last (inclusive)."""
    tokens: list[str] = []
    day = first
    try:
        while day <= last:
            if day.month == 1 and day.day == 1 and datetime.date(day.year, 12, 31) <= last:
                tokens.append(f"y{day:%Y}")
                day = datetime.date(day.year + 1, 1, 1)
            elif day.day == 1 and _month_end(day) <= last:
                tokens.append(f"m{day:%Y%m}")
                day = _month_end(day) + datetime.timedelta(days=1)
            else:
                tokens.append(f"d{day:%Y%m%d}")
                day += datetime.timedelta(days=1)
    except (OverflowError, ValueError):  # past 9999-12-31
        pass
    return tokens


def filter_groups(filters: Filters) -> list[list[str]] | None:
    """The filters as groups of alternative tokens (every group must match); None when no
    entry can pass them. A date range is cut to the dates the index holds."""
    groups: list[list[str]] = []
    if filters.kinds:
        groups.append([f"k{kind}" for kind in filters.kinds])
    if filters.organization_id is not None:
        groups.append([f"o{filters.organization_id}"])
    if filters.date_from is not None or filters.date_to is not None:
        with connection.cursor() as cursor:
            # Two subqueries: SQLite reads an index for min() or max() alone, not for both.
            cursor.execute(
                "SELECT (SELECT min(date) FROM search_searchentry), "
                "(SELECT max(date) FROM search_searchentry)"
            )
            low, high = cursor.fetchone()
        if low is None:
            return None
        if isinstance(low, str):  # SQLite
            low, high = datetime.date.fromisoformat(low), datetime.date.fromisoformat(high)
        tokens = date_tokens(max(low, filters.date_from or low), min(high, filters.date_to or high))
        if not tokens:
            return None
        groups.append(tokens)
    return groups
