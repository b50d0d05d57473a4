import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.memos import rules
from kansli.memos.rules import find_placeholders, formula_parts, formula_route_problems


def test_clauses_are_joined_as_in_swedish_practice():
    assert rules.join_clauses(
        [
            "att remittera motionen till hälso- och sjukvårdsnämnden, samt",
            "att ta anmälan till protokollet.",
        ]
    ) == [
        "att remittera motionen till hälso- och sjukvårdsnämnden, samt",
        "att ta anmälan till protokollet.",
    ]
    assert rules.join_clauses(["att a", "att b", "att c"]) == ["att a,", "att b, samt", "att c."]
    assert rules.join_clauses(["att ansöka om ersättningar samt", "att uppdra åt nämnden."]) == [
        "att ansöka om ersättningar, samt",
        "att uppdra åt nämnden.",
    ]


def test_clause_must_begin_with_att():
    assert rules.clause_begins_with_att("att godkänna redovisningen.")
    assert not rules.clause_begins_with_att("Att godkänna")
    assert not rules.clause_begins_with_att("godkänna redovisningen")
    assert not rules.clause_begins_with_att("att")


def test_split_clauses_joins_wrapped_lines():
    text = "att tills vidare bemyndiga\nCaroline Klefbom, finanscontroller,\n\natt ta beslutet"
    assert rules.split_clauses(text) == [
        "att tills vidare bemyndiga Caroline Klefbom, finanscontroller,",
        "att ta beslutet",
    ]


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö -", min_size=1, max_size=30)


@given(st.lists(words.map(lambda w: f"att {w.strip() or 'x'}"), min_size=1, max_size=6))
def test_joining_is_idempotent_and_ends_with_a_full_stop(clauses):
    joined = rules.join_clauses(clauses)
    assert rules.join_clauses(joined) == joined
    assert joined[-1].endswith(".")
    assert all(c.endswith((",", ", samt")) for c in joined[:-1])


# Placeholders and the formula's route


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("att utse ..... (S) för tiden 2020-08-26 – 2022-12-31", "....."),
        (
            "(Ange vem/vilka beslutet ska skickas till)",
            "(Ange vem/vilka beslutet ska skickas till)",
        ),
        ("Kontaktperson: XX", "XX"),
        ("utse NN (S) till ersättare", "NN"),
        ("enligt beslut den [datum]", "[datum]"),
        ("se [namn] och […]", "[namn]"),
        ("utse … (S)", "… ("),
        ("beslutet ____ skickas", "____"),
    ],
)
def test_placeholders_are_found(text, found):
    assert found in find_placeholders(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mats Gunnarsson (MP) och Anna Ågerfalk (L)",
        "Förordning ([SFS 2020:193](#)) och fotnot [1]",
        "NNN-sträng och XL-storlek",
        "Regionfullmäktige",
    ],
)
def test_complete_text_has_no_placeholders(text):
    assert find_placeholders(text) == []


ROUTE = ["Regionstyrelsen", "Regionfullmäktige"]


def test_formula_forms():
    assert formula_parts("Regionstyrelsen beslutar") == ("Regionstyrelsen", None, False)
    assert formula_parts("Regionstyrelsen föreslår regionfullmäktige besluta") == (
        "Regionstyrelsen",
        "regionfullmäktige",
        False,
    )
    conditional = (
        "Regionstyrelsen föreslår regionfullmäktige besluta, under förutsättning att övriga "
        "medlemmar fattar motsvarande beslut"
    )
    assert formula_parts(conditional) == ("Regionstyrelsen", "regionfullmäktige", True)
    assert formula_parts("Förslag till beslut") is None


def test_formula_on_the_route_has_no_problems():
    assert formula_route_problems("Regionstyrelsen beslutar", ROUTE) == []
    assert formula_route_problems("Regionstyrelsen föreslår regionfullmäktige besluta", ROUTE) == []


def test_formula_naming_a_body_off_the_route():
    assert "Kommunstyrelsen" in formula_route_problems("Kommunstyrelsen beslutar", ROUTE)[0]
    problems = formula_route_problems(
        "Regionstyrelsen föreslår hälso- och sjukvårdsnämnden besluta", ROUTE
    )
    assert len(problems) == 1 and "hälso- och sjukvårdsnämnden" in problems[0]
    assert formula_route_problems("Regionstyrelsen föreslår regionfullmäktige besluta", ROUTE[:1])
    assert "ska lyda" in formula_route_problems("Vi tycker", ROUTE)[0]
