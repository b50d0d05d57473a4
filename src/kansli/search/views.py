"""The public search page /sok/: a GET form, the hits with snippets, and pages of them."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from kansli.core.fragments import PUBLIC, cached
from kansli.people import selectors as people

from . import selectors
from .models import kind_choices
from .params import read_params

PER_PAGE = 20


def _page_links(page: int, pages: int) -> list[int | None]:
    """Page numbers to link: the first, the last and two on each side of the current one;
    None where numbers are left out."""
    wanted = {1, pages, *range(page - 2, page + 3)}
    numbers = sorted(n for n in wanted if 1 <= n <= pages)
    out: list[int | None] = []
    for n in numbers:
        if out and out[-1] is not None and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def _page(request: HttpRequest) -> tuple[str, str, bool]:
    """The page's title and content for the request's query string, and whether the search
    failed (the database did not answer)."""
    organizations = list(people.organization_list(viewer=request.user))
    params = read_params(request.GET, {o.pk for o in organizations})
    result = None
    if params.asked:
        result = selectors.search(
            viewer=request.user,
            query=params.query,
            kinds=params.kinds,
            organization_id=params.organization_id,
            date_from=params.date_from,
            date_to=params.date_to,
            page=params.page,
            per_page=PER_PAGE,
        )
    query_string = request.GET.copy()
    query_string.pop("sida", None)
    query_shown = params.query[:1000]
    content = render_to_string(
        "search/_search_body.html",
        {
            "params": params,
            "result": result,
            "organizations": organizations,
            "kinds": kind_choices(),
            "page_links": _page_links(result.page, result.pages) if result else [],
            "base_query": query_string.urlencode(),
            "query_shown": query_shown,
        },
    )
    title = f"{Truncator(query_shown).chars(60)} – Sök" if params.query else "Sök"
    return title, content, result is not None and result.message == selectors.FAILED


def search(request: HttpRequest) -> HttpResponse:
    """Everything in the index is public and every viewer sees the same (selectors.search), so
    the page's content is cached per query string for all viewers alike until the next
    committed write (core/fragments.py)."""
    title, content, failed = cached(
        request,
        "search",
        request.get_full_path(),
        PUBLIC,
        lambda: _page(request),
        keep=lambda page: not page[2],
    )
    response = render(
        request,
        "search/search.html",
        {"title": title, "content": mark_safe(content), "nav": "search"},  # noqa: S308
    )
    if failed:
        response["Cache-Control"] = "no-store"  # nor in the public page cache
    return response
