"""The demo's archive: the case of the refused request for public documents (19RS9344),
classified to its process and closed by the delegated decision, holds the request, which the
plan lets go two years after the case was closed; so the archivist's disposal page has
something to do, and the export has a closed case with documents."""

import datetime
import io

from kansli.people.models import Body
from kansli.registry import services as registry
from kansli.registry.models import Case, CaseStatus, ClassNode, DocumentKind

from .report import LoadReport
from .standin import standin_pdf

D = datetime.date
CASE = "19RS9344"
PROCESS = "2.2.2"
REQUEST = (D(2019, 12, 2), "Begäran om att få ut e-post", "Begäran")
DECIDED = D(2020, 7, 8)


def archive_load(report: LoadReport, body: Body) -> None:
    case = Case.objects.filter(body=body, number=CASE).first()
    process = ClassNode.objects.filter(body=body, code=PROCESS).first()
    if case is None or process is None or case.status == CaseStatus.CLOSED:
        return
    registry.case_classify(actor=None, case=case, process=process, reason="Demodata")
    day, description, kind = REQUEST
    pdf = standin_pdf(
        body=body.name,
        number=f"{case.number}-{case.next_document_number}",
        kind=DocumentKind.INCOMING.label,
        date=day.isoformat(),
        counterpart="Enskild",
        description=description,
    )
    registry.document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=day,
        description=description,
        document_type=kind,
        counterpart="Enskild",
        file=io.BytesIO(pdf),
        file_name="begaran.pdf",
        file_size=len(pdf),
    )
    registry.case_close(
        actor=None,
        case=case,
        closed_on=DECIDED,
        decision=f"Delegationsbeslut av regionjuristen {DECIDED.isoformat()}",
    )
    report.count("avslutade ärenden med gallringsbar handling")
