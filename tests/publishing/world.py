"""A body's public and non-public things side by side, built through the services, each
carrying a marker word so that a test can look for it in any response:

- PUBLIC_* markers must be found by the public;
- every SECRET_MARKERS entry must never reach the public (pages, search, API, feeds).
"""

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass

from kansli.meetings import services as meetings
from kansli.minutes import services as minutes_services
from kansli.minutes.models import Minutes
from kansli.people.models import Body
from kansli.publishing.models import Publication
from kansli.publishing.services import publication_approve, publication_prepare
from kansli.registry import services as registry
from kansli.registry.models import Document, DocumentKind, Series, Visibility
from kansli.registry.tasks import document_inspect

from ..meetings.memo_helpers import SECTIONS, fill
from ..minutes.helpers import Board, D, board_with_meeting, paragraph, started_minutes
from ..registry.helpers import pdf_bytes
from ..shared import shared_fixtures

PUBLIC_DOCUMENT = "Solrosrapporten"
PUBLIC_DECISION = "Kastanjebeslutet"
PRIVATE_PHONE = "070-123 45 67"
SECRET_CASE = "Hemlighetsmakeriet"
SECRET_DOCUMENT = "Sekretessbilagan"
INTERNAL_DOCUMENT = "Arbetsutkastet"
UNREVIEWED_DOCUMENT = "Ogranskadrapporten"
NON_PUBLIC_ITEM = "Personalärendet"
DRAFT_MINUTES = "Utkastformuleringen"
DRAFT_MEMO = "Utkastmemot"
# made-up personal data (PTS numbers reserved for fiction) in text written in Kansli and in
# names, which the public must only ever see masked
TITLE_PHONE = "070-174 06 53"
FILE_NAME_NUMBER = "19811218-9876"
MASKED_DESCRIPTION_PHONE = "070-174 06 55"
MASKED_DOCUMENT = "Synpunkten"
SECRET_MARKERS = (
    SECRET_CASE,
    SECRET_DOCUMENT,
    INTERNAL_DOCUMENT,
    UNREVIEWED_DOCUMENT,
    NON_PUBLIC_ITEM,
    DRAFT_MINUTES,
    PRIVATE_PHONE,
    DRAFT_MEMO,
    "174 06 53",
    FILE_NAME_NUMBER,
    "174 06 55",
)


@dataclass
class World:
    board: Board
    public_document: Document
    unreviewed_document: Document
    secret_document: Document
    internal_document: Document
    draft_meeting_pk: int


def register(
    case,
    description,
    *,
    text="",
    visibility=Visibility.PUBLIC,
    secrecy="",
    file_name="handling.pdf",
):
    """Register a document with a one-page PDF and run the background task at once."""
    document = registry.document_register(
        actor=None,
        case=case,
        kind=DocumentKind.DRAWN_UP,
        date=D(2020, 8, 10),
        description=description,
        visibility=visibility,
        secrecy=secrecy,
        file=io.BytesIO(pdf_bytes(text or description)),
        file_name=file_name,
    )
    document_inspect.call(document.pk)
    return Document.objects.get(pk=document.pk)


def build(body, series) -> World:
    b = board_with_meeting(body, series)
    report = b.meeting.items.get(number=3).case
    public = register(report, PUBLIC_DOCUMENT, text=f"{PUBLIC_DOCUMENT}: prognosen håller.")
    unreviewed = register(
        report,
        UNREVIEWED_DOCUMENT,
        text=f"{UNREVIEWED_DOCUMENT}. Kontakta grannen på {PRIVATE_PHONE}.",
    )
    internal = register(report, INTERNAL_DOCUMENT, visibility=Visibility.INTERNAL)
    register(
        report, "Ansökan", text="Ansökan om bidrag.", file_name=f"ansokan {FILE_NAME_NUMBER}.pdf"
    )
    masked_one = register(
        report,
        f"{MASKED_DOCUMENT} från boende, tfn {MASKED_DESCRIPTION_PHONE}",
        text=f"{MASKED_DOCUMENT}: ring mig på {MASKED_DESCRIPTION_PHONE}.",
    )
    publication_approve(actor=None, publication=masked_one.publication)
    secret_case = registry.case_register(
        actor=None,
        body=body,
        series=series,
        title=SECRET_CASE,
        organization=b.board,
        registered_on=D(2020, 8, 1),
        secrecy="OSL 39 kap. 3 §",
    )
    secret = register(
        report, SECRET_DOCUMENT, visibility=Visibility.SECRET, secrecy="OSL 21 kap. 1 §"
    )
    meetings.agenda_item_add(
        actor=None,
        meeting=b.meeting,
        title=NON_PUBLIC_ITEM,
        case=secret_case,
        is_public=False,
        formula="Regionstyrelsen beslutar",
        clauses=["att lägga informationen till handlingarna."],
    )
    meetings.agenda_item_add(
        actor=None,
        meeting=b.meeting,
        title=f"Information om bullerklagomål, kontakt {TITLE_PHONE}",
        formula="Regionstyrelsen beslutar",
        clauses=["att lägga informationen till handlingarna."],
    )
    # The meeting's minutes, adjusted, with a public decision.
    minutes = started_minutes(b)
    minutes_services.paragraph_update(
        actor=None,
        paragraph=paragraph(minutes, 3),
        decision_formula="Regionstyrelsen beslutar",
        decision_clauses=[f"att godkänna delårsrapporten ({PUBLIC_DECISION})."],
        summary=f"{PUBLIC_DECISION} fattades efter föredragning.",
    )
    for name in ("Svahn", "Karlsson"):
        minutes_services.minutes_sign(
            actor=b.login(name),
            minutes=Minutes.objects.get(pk=minutes.pk),
            now=datetime.datetime(2020, 9, 2, 14, 0, tzinfo=datetime.UTC),
        )
    # The memo of item 2 is still a draft (changed after the minutes took its summary):
    # the public never reads it.
    fill(b.meeting.items.get(number=2).memo, sections={**SECTIONS, "bedomning": DRAFT_MEMO})
    # A later meeting whose minutes are still a draft.
    later = meetings.meeting_create(
        actor=None,
        organization=b.board,
        date=D(2020, 9, 30),
        start_time=datetime.time(9, 0),
        place="Regionhuset",
    )
    meetings.agenda_item_add(
        actor=None,
        meeting=later,
        title="Information",
        formula="Regionstyrelsen beslutar",
        clauses=["att lägga informationen till handlingarna."],
    )
    draft = minutes_services.minutes_create(
        actor=None, meeting=later, secretary_name="Kristina Berglund", kept_at="Regionkansliet"
    )
    minutes_services.paragraph_update(
        actor=None,
        paragraph=draft.paragraphs.get(agenda_item__number=1),
        decision_formula="Regionstyrelsen beslutar",
        decision_clauses=["att lägga informationen till handlingarna."],
        summary=f"{DRAFT_MINUTES} ska inte synas.",
    )
    return World(b, public, unreviewed, secret, internal, later.pk)


def prepared(document: Document) -> Publication:
    return publication_prepare(actor=None, document=document) or Publication.objects.get(
        document=document
    )


def shared_world_fixtures(extend: Callable[[World, Body], None] | None = None) -> tuple:
    """The world built once for a test module (tests.shared): a module that assigns the
    returned fixtures to names (`_shared_data, body, series, world = shared_world_fixtures()`)
    gets them instead of the per-test ones. `extend` adds to the world inside the same load."""

    def build_extended(body: Body, series: Series) -> World:
        world = build(body, series)
        if extend is not None:
            extend(world, body)
        return world

    return shared_fixtures(build_extended, "world")
