from hypothesis import given
from hypothesis import strategies as st

from kansli.memos import rules


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
