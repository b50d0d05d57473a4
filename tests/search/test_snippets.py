"""Snippets: the window around the matched forms, the forms marked."""

from kansli.search.query import parse
from kansli.search.snippets import snippet


def marked(segments) -> list[str]:
    return [text for text, highlighted in segments if highlighted]


def joined(segments) -> str:
    return "".join(text for text, _ in segments)


def test_marks_every_matched_form_in_the_window():
    text = "Styrelsen beslutade i går. Beslutet gäller från i dag, enligt besluten i maj."
    segments = snippet(text, parse("beslut").stems)
    assert marked(segments) == ["beslutade", "Beslutet", "besluten"]
    assert joined(segments) == text


def test_compounds_and_other_words_are_not_marked():
    segments = snippet("Beslutsunderlaget kom före beslutet.", parse("beslut").stems)
    assert marked(segments) == ["beslutet"]


def test_window_around_the_best_cluster_of_distinct_words():
    filler = " ".join(["ord"] * 200)
    text = f"Budget nämns här. {filler} Här står budgeten och protokollet tillsammans. {filler}"
    segments = snippet(text, parse("budget protokoll").stems)
    assert marked(segments) == ["budgeten", "protokollet"]
    assert segments[0] == ("… ", False) and segments[-1] == (" …", False)
    assert len(joined(segments).split()) <= 32


def test_no_match_gives_the_start_of_the_text():
    text = " ".join(f"ord{n}" for n in range(100))
    segments = snippet(text, parse("budget").stems)
    assert marked(segments) == []
    assert joined(segments).startswith("ord0 ord1") and joined(segments).endswith(" …")
    assert snippet("", parse("budget").stems) == []


def test_whitespace_is_folded_and_text_kept_as_text():
    segments = snippet("<b>Protokoll</b>\n\n\tfrån   mötet", parse("protokollet").stems)
    assert joined(segments) == "<b>Protokoll</b> från mötet"
    assert marked(segments) == ["Protokoll"]
