"""The search page through Django's test client, as the anonymous public sees it."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/sok/"


def test_url_name():
    assert reverse("search:search") == URL


def test_empty_page_has_the_form(client, index, board):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for field_id, label in (
        ("search-q", "Sök"),
        ("search-organ", "Organ"),
        ("search-fran", "Från"),
        ("search-till", "Till"),
    ):
        assert f'<label for="{field_id}">{label}</label>' in html
        assert f'id="{field_id}"' in html
    assert "<legend>Typ</legend>" in html and 'id="search-typ-handling"' in html
    assert f'<option value="{board.pk}">Regionstyrelsen</option>' in html
    assert 'role="status"' not in html  # nothing searched yet
    assert "<h1>Sök</h1>" in html


def test_results(client, index):
    response = client.get(URL, {"q": "beslutade"})
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<p role="status"[^>]*>3 träffar</p>', html)
    assert '<a href="/insyn/case/1/">Motion om cykelvägar</a>' in html
    assert "<mark>beslutade</mark>" in html
    assert "Ärende" in html and "Regionstyrelsen" in html and "5 mars 2020" in html
    one = client.get(URL, {"q": "cykelvägar"}).content.decode()
    assert re.search(r'<p role="status"[^>]*>1 träff</p>', one)
    none = client.get(URL, {"q": "flygplats"}).content.decode()
    assert re.search(r'<p role="status"[^>]*>Inga träffar</p>', none)


def test_text_is_escaped(client, db):
    from kansli.search.services import search_index

    search_index(
        key="memo:1",
        kind="pm",
        title="<script>alert(1)</script> Skrivelse",
        text="Beslut om <img src=x onerror=alert(1)> taxa",
        url="/insyn/pm/1/",
        date=None,
        organization_id=None,
    )
    html = client.get(URL, {"q": "beslut <script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Skrivelse" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_filters_from_the_form(client, index, council):
    html = client.get(
        URL, {"q": "beslut", "organ": council.pk, "typ": "paragraf", "fran": "2020-01-01"}
    ).content.decode()
    assert re.search(r'<p role="status"[^>]*>1 träff</p>', html)
    assert "Budget 2021" in html
    assert f'<option value="{council.pk}" selected>' in html
    assert 'value="paragraf" checked' in html


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"fran": "2020-13-45"}, "är inget datum"),
        ({"till": "igår"}, "är inget datum"),
        ({"organ": "abc"}, "Organet"),
        ({"organ": "999999"}, "Organet"),
        ({"organ": "-1"}, "Organet"),
        ({"sida": "-1"}, "inget sidnummer"),
        ({"sida": "abc"}, "inget sidnummer"),
        ({"sida": "999999999999"}, "finns inte"),
        ({"sida": "1" * 40}, "inget sidnummer"),
        ({"typ": "hemlig"}, "Typen"),
        ({"fran": "2021-01-01", "till": "2020-01-01"}, "bytte plats"),
        ({"q": "\x00"}, "Skriv ett eller flera ord"),
    ],
)
def test_bad_parameters_get_a_swedish_message(client, index, parameters, message):
    response = client.get(URL, {"q": "beslut", **parameters})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_pagination_links(client, db):
    from kansli.search.services import search_index

    for n in range(45):
        search_index(
            key=f"memo:{n}",
            kind="pm",
            title=f"Skrivelse {n}",
            text="Förslag till beslut",
            url=f"/insyn/pm/{n}/",
            date=None,
            organization_id=None,
        )
    html = client.get(URL, {"q": "förslag", "sida": "2"}).content.decode()
    assert re.search(r'<p role="status"[^>]*>45 träffar, sida 2 av 3</p>', html)
    assert 'href="?q=f%C3%B6rslag&amp;sida=1" rel="prev"' in html
    assert 'href="?q=f%C3%B6rslag&amp;sida=3" rel="next"' in html
    assert 'href="?q=f%C3%B6rslag&amp;sida=2" aria-current="page"' in html
    assert html.count('class="search-hit"') == 20


def test_no_inline_script_or_style(client, index):
    html = client.get(URL, {"q": "beslut"}).content.decode()
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "search/search.css" in html
