"""Proposals and votes as the minutes PDF, the extract PDF and the public minutes page print
them; minutes sealed with the earlier wording still verify and read the new way."""

import io
import re

import pytest
from pypdf import PdfReader

from kansli.minutes import services
from kansli.minutes.content import digest
from kansli.minutes.document import extract_pdf, minutes_data, minutes_pdf
from kansli.minutes.models import Minutes
from kansli.minutes.services import Entry

from ..shared import shared_fixtures
from .helpers import board_with_meeting, paragraph, started_minutes

pytestmark = pytest.mark.django_db

PROPOSAL = "Jihad Menhem (V) yrkar bifall till motionen."
SECOND_PROPOSAL = "Andreas Svahn (S) yrkar att motionen ska avslås."
VOTE = "Ja-röst för bifall till förslaget i ärendet, nej-röst för bifall till motionen."
RESULT = "Regionstyrelsen har beslutat: bifall till förslaget i ärendet."
INVENTED = "Omröstning begärs och verkställs."


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(content: bytes) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


_shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")


@pytest.fixture
def adjusted(b) -> Minutes:
    minutes = started_minutes(b)
    p2 = paragraph(minutes, 2)
    services.paragraph_update(
        actor=None,
        paragraph=p2,
        decision_formula="Regionstyrelsen föreslår regionfullmäktige besluta",
        decision_clauses=["att avslå motionen."],
        proposals=[
            Entry(b["Menhem"], "bifall till motionen"),
            Entry(b["Svahn"], "yrkar att motionen ska avslås"),
        ],
        reservations=[Entry(b["Menhem"], "till förmån för eget yrkande")],
    )
    services.vote_record(
        actor=None,
        paragraph=p2,
        yes_label="bifall till förslaget i ärendet",
        no_label="bifall till motionen",
        ballots={
            b["Svahn"]: "ja",
            b["Karlsson"]: "ja",
            b["Sundin"]: "ja",
            b["Höijer"]: "ja",
            b["Menhem"]: "nej",
        },
    )
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=Minutes.objects.get(pk=minutes.pk))
    return Minutes.objects.get(pk=minutes.pk)


def assert_worded(text: str) -> None:
    for expected in (PROPOSAL, SECOND_PROPOSAL, VOTE, "Ja:4,Nej:1,Avstår:0", RESULT):
        assert squash(expected) in text, expected
    # the tally and the result follow what ja and nej mean
    assert text.index(squash(VOTE)) < text.index("Ja:4") < text.index(squash(RESULT))
    for wrong in (INVENTED, "JihadMenhem(V):bifall", "yrkaryrkar"):
        assert wrong not in text, wrong


def test_the_minutes_and_the_extract_word_proposals_and_votes(b, adjusted):
    assert_worded(pdf_text(minutes_pdf(adjusted)))
    assert_worded(pdf_text(extract_pdf([paragraph(adjusted, 2)])))


def test_the_public_minutes_page_words_them_the_same_way(client, b, adjusted):
    html = client.get(f"/insyn/sammantraden/{b.meeting.pk}/protokoll/").content.decode()
    assert_worded(squash(re.sub(r"<[^>]+>", " ", html)))


def test_the_sealed_content_holds_the_facts_not_the_sentences(adjusted):
    sealed = adjusted.sealed_content["paragraphs"][1]
    assert sealed["proposals"][0] == {
        "name": "Jihad Menhem",
        "party": "V",
        "text": "bifall till motionen",
    }
    assert sealed["votes"][0]["question"] == ""
    assert "sentence" not in sealed["votes"][0]


def test_minutes_sealed_with_the_earlier_wording_verify_and_read_the_new_way(adjusted):
    # As the minutes were sealed before: the vote said "Omröstning begärs och verkställs."
    old = adjusted.sealed_content
    old["paragraphs"][1]["votes"][0]["question"] = INVENTED
    Minutes.objects.filter(pk=adjusted.pk).update(sealed_content=old, content_hash=digest(old))
    minutes = Minutes.objects.get(pk=adjusted.pk)
    data = minutes_data(minutes)  # verifies the hash: no IntegrityError
    assert data["hash"] == digest(old)
    assert_worded(pdf_text(minutes_pdf(minutes)))
    # Rendering changed nothing of what was sealed.
    minutes.refresh_from_db()
    assert minutes.sealed_content == old
    assert digest(minutes.sealed_content) == minutes.content_hash
