"""What the body publishes about itself — its meeting place, whom to notify of absence, its
organizations' functional e-mail, where the minutes are kept — is never masked in the public
meeting book, the public minutes page and the public minutes PDF; a private person's
address, e-mail and telephone number in the same document still are."""

import io
import re

import pytest
from pypdf import PdfReader

from kansli.meetings import services as meetings
from kansli.meetings.book.data import book_data
from kansli.meetings.book.render import render_book
from kansli.meetings.models import BookEdition
from kansli.minutes import services as minutes_services
from kansli.minutes.models import Minutes
from kansli.publishing.masking import published_facts
from kansli.publishing.public_text import masked

from ..minutes.helpers import board_with_meeting, started_minutes

pytestmark = pytest.mark.django_db

PLACE = "Regionens hus, Eklundavägen 1, Örebro"
ABSENCE = "Nämndadministrationen, 019-602 10 00"
ORGANIZATION_EMAIL = "regionstyrelsen@region.example.se"
KEPT_AT = "Regionkansliet, Eklundavägen 1, Örebro"
# A fictional resident (PTS number reserved for fiction, example.se): must only be masked.
PRIVATE_ADDRESS = "Exempelgatan 4, 702 10 Örebro"
PRIVATE_PHONE = "070-174 06 57"
PRIVATE_EMAIL = "boende@example.se"
CLAUSE = (
    f"att besvara skrivelsen från den boende på {PRIVATE_ADDRESS} (tfn {PRIVATE_PHONE}, "
    f"{PRIVATE_EMAIL}) med kopia till {ORGANIZATION_EMAIL}."
)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(content: bytes) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def assert_published_facts_kept_private_data_masked(text: str) -> None:
    for fact in (PLACE, ORGANIZATION_EMAIL):
        assert squash(fact) in text, fact
    for private in (PRIVATE_ADDRESS, PRIVATE_PHONE, PRIVATE_EMAIL, "Exempelgatan", "boende@"):
        assert squash(private) not in text, private
    for label in ("[adress]", "[telefonnummer]", "[e-postadress]"):
        assert label in text, label


@pytest.fixture
def board(body, series):
    b = board_with_meeting(body, series, place=PLACE, absence_contact=ABSENCE)
    b.board.email = ORGANIZATION_EMAIL
    b.board.save()
    meetings.agenda_item_add(
        actor=None,
        meeting=b.meeting,
        title="Skrivelse om buller",
        formula="Regionstyrelsen beslutar",
        clauses=[CLAUSE],
    )
    return b


def test_the_public_meeting_book_keeps_the_bodys_facts(board):
    book = book_data(board.meeting, BookEdition.PUBLIC)
    assert book.data["cover"]["place"] == PLACE
    assert book.data["cover"]["absence_contact"] == ABSENCE
    pdf, _ = render_book(book)
    assert_published_facts_kept_private_data_masked(pdf_text(pdf))


def test_the_public_minutes_page_and_pdf_keep_the_bodys_facts(client, board):
    minutes = started_minutes(board, kept_at=KEPT_AT)
    for name in ("Svahn", "Karlsson"):
        minutes_services.minutes_sign(
            actor=board.login(name), minutes=Minutes.objects.get(pk=minutes.pk)
        )
    url = f"/insyn/sammantraden/{board.meeting.pk}/protokoll"
    html = client.get(f"{url}/").content.decode()
    assert_published_facts_kept_private_data_masked(squash(html))
    assert squash(KEPT_AT) in squash(html)
    pdf = pdf_text(client.get(f"{url}.pdf").content)
    assert_published_facts_kept_private_data_masked(pdf)
    assert squash(KEPT_AT) in pdf  # the posting certificate's "Förvaringsplats"


def test_published_facts_let_through_only_what_they_hold(board):
    allow = published_facts()
    # The address inside the meeting place is the body's own, wherever it is written;
    # another number in the same street is not.
    assert masked("Välkommen till Eklundavägen 1, Örebro.", allow=allow) == (
        "Välkommen till Eklundavägen 1, Örebro."
    )
    assert masked("Boende på Eklundavägen 3 klagar.", allow=allow) == ("Boende på [adress] klagar.")
    assert masked(f"Ring 019-602 10 00 eller {PRIVATE_PHONE}.", allow=allow) == (
        "Ring 019-602 10 00 eller [telefonnummer]."
    )
    assert masked(f"Skriv till {ORGANIZATION_EMAIL} eller anna@region.example.se") == (
        f"Skriv till {ORGANIZATION_EMAIL} eller [e-postadress]"
    )
