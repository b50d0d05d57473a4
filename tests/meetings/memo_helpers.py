"""A well-formed memo to start from; each test breaks one thing."""

import datetime
import io
from typing import Any

from kansli.meetings import services
from kansli.memos.models import Memo, RecipientKind
from kansli.memos.services import BasisInput, RecipientInput, memo_update
from kansli.people import services as people
from kansli.people.models import Organization, OrganizationKind
from kansli.registry.models import Case, Document, DocumentKind
from kansli.registry.services import case_register, document_register

from ..registry.helpers import pdf_bytes

D = datetime.date
MEETING_DAY = D(2020, 8, 26)

SECTIONS = {
    "sammanfattning": "En motion har kommit in och anmäls till fullmäktige.",
    "konsekvenser": "Beslutet har inga konsekvenser för perspektiven.",
    "ekonomi": "Inga kostnader.",
    "uppfoljning": "Motionen besvaras inom ett år.",
}


def routed_board(body: Any) -> Organization:
    council = people.organization_create(
        actor=None, body=body, name="Regionfullmäktige", kind=OrganizationKind.COUNCIL
    )
    return people.organization_create(
        actor=None, body=body, name="Regionstyrelsen", kind=OrganizationKind.BOARD, parent=council
    )


def case_with_document(body: Any, series: Any, number: str = "20RS6617") -> tuple[Case, Document]:
    case = case_register(
        actor=None,
        body=body,
        series=series,
        number=number,
        title="Motion om gröna obligationer",
        today=MEETING_DAY,
    )
    document = document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=D(2020, 6, 16),
        description="Motion om gröna obligationer",
        file=io.BytesIO(pdf_bytes("Motionens text")),
        file_name="motion.pdf",
        today=MEETING_DAY,
    )
    return case, document


def fill(memo: Memo, actor: Any = None, **changes: Any) -> Memo:
    """Save the memo with valid content, changed where the test says."""
    values: dict[str, Any] = {
        "title": memo.title,
        "formula": "Regionstyrelsen föreslår regionfullmäktige besluta",
        "clauses": [
            "att remittera motionen till regionstyrelsen för beredning, samt",
            "att ta anmälan till protokollet.",
        ],
        "sections": dict(SECTIONS),
        "basis": [BasisInput("FöredragningsPM regionstyrelsen 2020-08-26")]
        + [BasisInput(d.description, d) for d in memo.case.documents.all()],
        "recipients": [RecipientInput(RecipientKind.TEXT, text="Regionfullmäktige")],
        "signatory_name": "Rickard Simonsson",
        "signatory_title": "Regiondirektör",
        "unit": "Nämndadministration",
        "official_name": "Maria Boström",
    }
    values.update(changes)
    return memo_update(actor=actor, memo=memo, **values)


def item_with_memo(meeting: Any, case: Case, number: int = 2) -> Any:
    item = services.agenda_item_add(
        actor=None,
        meeting=meeting,
        number=number,
        title=f"Anmälan av motion ({case.number})",
        case=case,
        formula="Regionstyrelsen föreslår regionfullmäktige besluta",
        clauses=["att ta anmälan till protokollet."],
    )
    services.agenda_item_memo_create(actor=None, item=item)
    item.refresh_from_db()
    return item
