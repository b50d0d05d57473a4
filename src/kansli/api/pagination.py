"""Lists, paged the OParl way: data, pagination and links to the first, previous, next and
last page, with the query parameters page (from 1) and limit (1–200, default 50)."""

import math
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Schema
from pydantic import Field

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_PAGE = 1_000_000

T = TypeVar("T")


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Sidnummer, från 1.")
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Antal objekt per sida, 1–200."
    )


def page_url(request: HttpRequest, page: int) -> str:
    """This request's absolute URL on another page; the other parameters are kept."""
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(
    request: HttpRequest,
    items: "QuerySet[Any] | Sequence[T]",
    query: PageQuery,
    build: Callable[[list[Any]], list[dict[str, Any]]],
) -> dict[str, Any]:
    """One page of `items` as an OParl list; `build` turns the page's objects into dicts (all
    at once, so that it can fetch what they link to in a few queries). A page beyond the last
    is empty."""
    total = items.count() if isinstance(items, QuerySet) else len(items)
    pages = max(1, math.ceil(total / query.limit))
    offset = (query.page - 1) * query.limit
    rows = list(items[offset : offset + query.limit]) if query.page <= pages else []
    links: dict[str, str] = {"first": page_url(request, 1), "last": page_url(request, pages)}
    if query.page > 1:
        links["prev"] = page_url(request, min(query.page - 1, pages))
    if query.page < pages:
        links["next"] = page_url(request, query.page + 1)
    return {
        "data": build(rows),
        "pagination": {
            "totalElements": total,
            "elementsPerPage": query.limit,
            "currentPage": query.page,
            "totalPages": pages,
        },
        "links": links,
    }
