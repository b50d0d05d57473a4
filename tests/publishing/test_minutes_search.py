"""Search finds what a public paragraph of adjusted minutes says — its proposals (yrkanden),
reservations and notes — once the minutes are adjusted, never before, and never anything of
a paragraph that is not public. On the database in use (SQLite FTS5, or PostgreSQL's swedish
configuration with KANSLI_TEST_DATABASE_URL)."""

import pytest

from kansli.meetings import services as meetings
from kansli.minutes import services
from kansli.minutes.models import Minutes
from kansli.minutes.services import Entry
from kansli.publishing.indexing import reindex_all
from kansli.search.selectors import search

from ..minutes.helpers import board_with_meeting, paragraph, started_minutes

pytestmark = pytest.mark.django_db

# Words that occur only where the test puts them.
RESERVATION_WORD = "havsörnarna"
PROPOSAL_WORD = "solcellsparker"
NOTE_WORD = "fladdermössen"
SECRET_PROPOSAL_WORD = "tallkottarna"
SECRET_RESERVATION_WORD = "blåbärsriset"


def keys(query: str) -> list[str]:
    return [hit.key for hit in search(viewer=None, query=query).hits]


@pytest.fixture
def recorded(body, series):
    """Minutes with a public paragraph (§ 2) and a non-public one (§ 4), both with proposals
    and a reservation; not yet adjusted."""
    b = board_with_meeting(body, series)
    meetings.agenda_item_add(
        actor=None,
        meeting=b.meeting,
        title="Personalärende",
        is_public=False,
        formula="Regionstyrelsen beslutar",
        clauses=["att godkänna förslaget."],
    )
    minutes = started_minutes(b)
    services.paragraph_update(
        actor=None,
        paragraph=paragraph(minutes, 2),
        decision_formula="Regionstyrelsen föreslår regionfullmäktige besluta",
        decision_clauses=["att avslå motionen."],
        proposals=[Entry(b["Menhem"], f"bifall till motionen om {PROPOSAL_WORD}")],
        reservations=[Entry(b["Menhem"], f"Motionen hade skyddat {RESERVATION_WORD} vid kusten.")],
        notes=[Entry(b["Sundin"], f"Ärendet rör även {NOTE_WORD}.")],
    )
    services.paragraph_update(
        actor=None,
        paragraph=paragraph(minutes, 4),
        decision_formula="Regionstyrelsen beslutar",
        decision_clauses=["att godkänna förslaget."],
        proposals=[Entry(b["Karlsson"], f"avslag med hänvisning till {SECRET_PROPOSAL_WORD}")],
        reservations=[Entry(b["Karlsson"], f"Se {SECRET_RESERVATION_WORD}.")],
    )
    return b, minutes


def adjust(b, minutes) -> Minutes:
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=Minutes.objects.get(pk=minutes.pk))
    return Minutes.objects.get(pk=minutes.pk)


def test_a_reservation_proposal_and_note_are_found_after_adjustment_not_before(recorded):
    b, minutes = recorded
    for word in (RESERVATION_WORD, PROPOSAL_WORD, NOTE_WORD):
        assert keys(word) == [], word
    adjust(b, minutes)
    public = f"paragraph:{paragraph(minutes, 2).pk}"
    for word in (RESERVATION_WORD, PROPOSAL_WORD, NOTE_WORD):
        assert keys(word) == [public], word
    # The proposal is indexed as the minutes word it, the inflected form finds it too.
    hit = search(viewer=None, query="havsörnar").hits
    assert [h.key for h in hit] == [public]
    assert hit[0].url.endswith(f"/protokoll/#p-{paragraph(minutes, 2).number}")
    # and so does a rebuilt index
    reindex_all()
    assert keys(RESERVATION_WORD) == [public]


def test_a_non_public_paragraphs_proposals_are_never_found(recorded):
    b, minutes = recorded
    for word in (SECRET_PROPOSAL_WORD, SECRET_RESERVATION_WORD, "Personalärende"):
        assert keys(word) == [], word
    adjust(b, minutes)
    reindex_all()
    for word in (SECRET_PROPOSAL_WORD, SECRET_RESERVATION_WORD, "Personalärende"):
        assert keys(word) == [], word
