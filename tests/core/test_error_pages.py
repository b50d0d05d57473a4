"""The 500 page: Swedish, and rendered without the database or the context processors (it is
shown when either may be what failed)."""

from django.test import RequestFactory
from django.urls import get_resolver


def test_500_needs_neither_database_nor_context(settings):
    # No `db` fixture: any query would fail the test. A context processor that raises shows
    # that none runs.
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {"context_processors": ["tests.core.test_error_pages.broken"]},
        }
    ]
    handler = get_resolver().resolve_error_handler(500)  # what Django calls on an error
    response = handler(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="sv">' in page
    assert "Något gick fel" in page and "Inget har sparats" in page


def broken(request):
    raise AssertionError("the 500 page ran a context processor")
