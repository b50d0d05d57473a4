"""Any text in the search box: results or a clear Swedish message, never an exception."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansli.search.query import MAX_TERMS, parse
from kansli.search.selectors import FAILED, search
from kansli.search.stemming import stem

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "   ",
    '"',
    '"beslut',
    'beslut"',
    '"""',
    '""',
    "NEAR(beslut budget, 2)",
    "NEAR(",
    "beslut*",
    "*",
    "^beslut",
    "title:beslut",
    "text : budget",
    "{title text}: beslut",
    "beslut AND OR NOT budget",
    "AND",
    "OR OR OR",
    "NOT beslut",
    "beslut & !budget | (protokoll <-> paragraf)",
    "'beslut':* & budget:A",
    "'; DROP TABLE search_searchentry; --",
    '" OR 1=1 --',
    "%",
    "%%",
    "beslut%",
    "_",
    "\\",
    "beslut\\",
    "\\'\\\"",
    "x" * 10_000,
    "beslut " * 2000,
    " ".join(f"ord{n}" for n in range(100)),
    "\x00",
    "beslut\x00budget",
    "\x01\x02\x1b[31m\x7f",
    "\u202ebeslut\u202c",
    "\ud800",
    "och att det",
    "och",
    "...,;:!?",
    "§ 12",
    "🙂",
    "beslut 🙂 budget",
    "👩‍👩‍👧",
    "()",
    "(beslut",
    "beslut)",
    "-",
    "--",
    "-beslut",
    '-"beslut budget"',
    "- - -",
    "+beslut",
    "beslut~2",
    "beslut^2",
    "Æøå ÄÖÅ ß ǅ",
    "ﬁle",
    "x²",
    "١٢٣",
    "名前",
    "a" * 65,
    "a" * 64,
    "NULL",
    "None",
    "true",
    "0",
    "-1",
    "1e309",
    "<script>alert(1)</script>",
    "&lt;mark&gt;",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query(index, query):
    page = search(viewer=None, query=query)
    assert page.message != FAILED
    assert isinstance(page.total, int) and page.total >= 0
    if not page.hits:
        assert page.total == 0


def test_hostile_queries_explain_themselves(index):
    assert "Skriv ett eller flera ord" in search(viewer=None, query="").message
    assert "Skriv ett eller flera ord" in search(viewer=None, query="...,;:!? 🙂").message
    assert "vanliga småord" in search(viewer=None, query="och att det").message
    assert "citattecken" in search(viewer=None, query='"beslut').message
    assert "kortades" in search(viewer=None, query="beslut " * 2000).message
    assert "längre än 64" in search(viewer=None, query="a" * 65).message
    assert "AND, OR, NOT" in search(viewer=None, query="beslut OR budget").message
    many = search(viewer=None, query=" ".join(f"ord{n}" for n in range(100)))
    assert f"de första {MAX_TERMS}" in many.message


def test_operators_and_syntax_are_only_text(index):
    # FTS5 and tsquery syntax around a real word: the word is searched.
    for query in ("beslut*", "^beslut", "'beslut':*", "(beslut", "beslut)", "NEAR beslut"):
        assert search(viewer=None, query=query).total == 3, query
    # A column filter is two words written together: both are searched, side by side.
    assert search(viewer=None, query="title:beslut").total == 0
    assert search(viewer=None, query="beslut\x00").total == 3
    assert search(viewer=None, query="beslut 🙂").total == 3
    assert search(viewer=None, query="'; DROP TABLE search_searchentry; --").total == 0
    assert search(viewer=None, query="beslut").total == 3  # the table is still there


def test_parse():
    parsed = parse('Beslutade "fattade beslut om" -budgeten -"ny taxa" KS-2020/13')
    assert parsed.groups == (("beslut",), ("fatt", "beslut"), ("ks", "2020", "13"))
    assert parsed.excluded == ((stem("budgeten"),), ("ny", "tax"))
    assert parsed.words == ("beslut", "fatt", "ks", "2020", "13")
    assert parsed.phrases == (("fatt", "beslut"), ("ks", "2020", "13"))
    assert parsed.notes == ()
    assert parse("beslut beslutet besluten").groups == (("beslut",),)
    assert parse("“typografiska citat”").groups == ((stem("typografiska"), stem("citat")),)


def test_term_cap():
    parsed = parse(" ".join(f"ord{n}" for n in range(40)))
    assert len(parsed.words) == MAX_TERMS
    assert parsed.notes


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.text(max_size=300)
    | st.text(alphabet=st.sampled_from("\"-*^:(){}[]%_\\'&|!<>~ \x00beslutNEAR"), max_size=60),
    page=st.integers(min_value=-10, max_value=10**15),
)
def test_any_text_gives_a_page(index, query, page):
    result = search(viewer=None, query=query, page=page)
    assert result.message != FAILED
    assert result.total >= 0 and len(result.hits) <= 20
    assert result.page >= 1
