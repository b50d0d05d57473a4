"""How proposals and votes read in the minutes (kansli.minutes.wording; pure functions)."""

import pytest

from kansli.minutes.wording import proposal_sentence, vote_sentence, worded_paragraph


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("bifall till motionen", "Jihad Menhem (V) yrkar bifall till motionen."),
        ("Bifall till motionen.", "Jihad Menhem (V) yrkar bifall till motionen."),
        ("att motionen ska bifallas", "Jihad Menhem (V) yrkar att motionen ska bifallas."),
        ("Att motionen ska bifallas", "Jihad Menhem (V) yrkar att motionen ska bifallas."),
        ("yrkar avslag på motionen", "Jihad Menhem (V) yrkar avslag på motionen."),
        ("Yrkar: återremiss", "Jihad Menhem (V) yrkar återremiss."),
        ("  återremiss  för ny beredning ", "Jihad Menhem (V) yrkar återremiss för ny beredning."),
        (
            "Regionstyrelsens förslag med ändringen att …",
            "Jihad Menhem (V) yrkar Regionstyrelsens förslag med ändringen att …",
        ),
        (
            "Jihad Menhem (V) yrkar bifall till motionen",
            "Jihad Menhem (V) yrkar bifall till motionen.",
        ),
        ("bifall till motionen!", "Jihad Menhem (V) yrkar bifall till motionen!"),
    ],
)
def test_a_proposal_reads_as_the_members_proposal(text, sentence):
    assert proposal_sentence("Jihad Menhem", "V", text) == sentence
    assert "yrkar yrkar" not in proposal_sentence("Jihad Menhem", "V", text).lower()


def test_a_proposal_without_party():
    assert proposal_sentence("Jihad Menhem", "", "bifall") == "Jihad Menhem yrkar bifall."


def test_a_vote_says_which_proposal_is_ja_and_which_is_nej():
    assert vote_sentence(
        "bifall till arbetsutskottets förslag", "bifall till Ulrika Björklunds (M) yrkande."
    ) == (
        "Ja-röst för bifall till arbetsutskottets förslag, nej-röst för bifall till "
        "Ulrika Björklunds (M) yrkande."
    )
    assert vote_sentence("Bifall till förslaget", "Avslag") == (
        "Ja-röst för bifall till förslaget, nej-röst för avslag."
    )
    assert vote_sentence("Ola Karlsson (M) väljs", "Jihad Menhem (V) väljs", election=True) == (
        "Ja-röst: Ola Karlsson (M) väljs, nej-röst: Jihad Menhem (V) väljs."
    )


def test_worded_paragraph_adds_sentences_and_changes_nothing_given():
    vote = {
        "question": "Omröstning begärs och verkställs.",  # as sealed before this wording
        "yes_label": "bifall till förslaget",
        "no_label": "bifall till motionen",
    }
    election = {"question": "Val", "yes_label": "Ola Karlsson (M) väljs", "no_label": "blankt"}
    paragraph = {
        "number": 2,
        "proposals": [{"name": "Jihad Menhem", "party": "V", "text": "bifall till motionen"}],
        "votes": [vote, election],
    }
    before = repr(paragraph)
    worded = worded_paragraph(paragraph)
    assert repr(paragraph) == before
    assert worded["proposals"][0]["sentence"] == "Jihad Menhem (V) yrkar bifall till motionen."
    assert worded["votes"][0]["heading"] == "Omröstning"
    assert worded["votes"][0]["sentence"] == (
        "Ja-röst för bifall till förslaget, nej-röst för bifall till motionen."
    )
    assert worded["votes"][1]["heading"] == "Val"
    assert worded_paragraph({"number": 3}) == {"number": 3, "proposals": [], "votes": []}
