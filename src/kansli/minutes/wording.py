"""How the minutes word proposals (yrkanden) and votes, from the minutes' data (pure functions).

The wording is made when the minutes are shown, not stored: adjusted minutes are sealed with
a hash of their content (docs/decisions/0006-sealed-minutes.md), so minutes sealed before a
change of wording read the new way and still verify.

>>> proposal_sentence("Ulrika Björklund", "M", "bifall till motionen")
'Ulrika Björklund (M) yrkar bifall till motionen.'
>>> vote_sentence("bifall till arbetsutskottets förslag", "bifall till motionen")
'Ja-röst för bifall till arbetsutskottets förslag, nej-röst för bifall till motionen.'
"""

from typing import Any

# The words a proposal or a vote's alternative customarily opens with; written with a capital
# in the form, they are lower-cased inside the sentence ("yrkar bifall till …"). Any other
# first word (a name, "Regionstyrelsens …") keeps its capital.
_OPENINGS = frozenset(
    {
        "att",
        "avslag",
        "avslå",
        "bifall",
        "bifalla",
        "bordläggning",
        "ajournering",
        "återremiss",
        "återremittera",
        "ändring",
        "ändringsyrkande",
        "tillägg",
        "tilläggsyrkande",
        "förslaget",
        "motionen",
        "ärendet",
    }
)
_END = ".!?…"
ELECTION = "Val"


def _opening_lower(text: str) -> str:
    first = text.split(maxsplit=1)[0].rstrip(",.:;") if text else ""
    return text[0].lower() + text[1:] if first.lower() in _OPENINGS else text


def _party(name: str, party: str) -> str:
    return f"{name} ({party})" if party else name


def proposal_sentence(name: str, party: str, text: str) -> str:
    """ "Namn (S) yrkar bifall till …." / "Namn (S) yrkar att …": the member's proposal as
    the minutes customarily write it. A text that already says "yrkar" is not given a second
    one, and one that already opens with the member's name is left as written."""
    text = " ".join(text.split())
    who = _party(name, party)
    if not text:
        return f"{who} yrkar."
    if text.startswith(name):
        sentence = text
    elif text.split(maxsplit=1)[0].lower().rstrip(",.:;") == "yrkar":
        rest = text.split(maxsplit=1)[1] if " " in text else ""
        sentence = f"{who} yrkar {_opening_lower(rest)}".rstrip()
    else:
        sentence = f"{who} yrkar {_opening_lower(text)}"
    return sentence if sentence.endswith(tuple(_END)) else f"{sentence}."


def vote_sentence(yes_label: str, no_label: str, *, election: bool = False) -> str:
    """What a ja and a nej vote mean: "Ja-röst för bifall till …, nej-röst för bifall till …".
    In an election the alternatives are candidates: "Ja-röst: Ola Karlsson (M) väljs, …"."""
    yes = _opening_lower(" ".join(yes_label.split()).rstrip(_END))
    no = _opening_lower(" ".join(no_label.split()).rstrip(_END))
    if election:
        return f"Ja-röst: {yes}, nej-röst: {no}."
    return f"Ja-röst för {yes}, nej-röst för {no}."


def worded_paragraph(paragraph: dict[str, Any]) -> dict[str, Any]:
    """A copy of one paragraph of the minutes' data (sealed or live) with the sentences the
    page and the PDF print: each proposal's "sentence", and each vote's "heading"
    ("Omröstning" or "Val") and "sentence". Nothing of the given data is changed."""
    proposals = [
        {**p, "sentence": proposal_sentence(p["name"], p.get("party", ""), p.get("text", ""))}
        for p in paragraph.get("proposals", [])
    ]
    votes = []
    for vote in paragraph.get("votes", []):
        # "question" was "Val" for an election in every version of the content.
        election = vote.get("question") == ELECTION
        sentence = (
            vote_sentence(vote["yes_label"], vote["no_label"], election=election)
            if vote.get("yes_label") and vote.get("no_label")
            else ""
        )
        votes.append(
            {
                **vote,
                "heading": ELECTION if election else "Omröstning",
                "sentence": sentence,
            }
        )
    return {**paragraph, "proposals": proposals, "votes": votes}
