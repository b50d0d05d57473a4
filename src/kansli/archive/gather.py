"""A closed case as an archive package's plain data (package.model): its documents with their
files, secrecy, retention and classification, the meetings held in it or that decided it, and
its history. Reads the registry, the meetings and the minutes as the system (the archive
holds everything, secret or not, with its restriction)."""

import datetime
import hashlib
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from kansli.meetings.models import Meeting
from kansli.minutes.models import MinutesStatus, Paragraph
from kansli.people.models import Body
from kansli.registry.models import (
    Case,
    CaseStatus,
    ClassNode,
    Document,
    DocumentKind,
    RetentionRule,
)
from kansli.registry.retention import rule_in, rules_by_process
from kansli.registry.selectors import case_record

from .formats import archive_format
from .package.model import (
    Agent,
    ArchiveCase,
    ArchiveDocument,
    ArchiveFile,
    ArchiveMeeting,
    ArchiveParagraph,
    Classification,
    Restriction,
    Retention,
    Submission,
)

_DIRECTION = {
    DocumentKind.INCOMING: "incoming",
    DocumentKind.OUTGOING: "outgoing",
    DocumentKind.DRAWN_UP: "internal",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def kansli_version() -> str:
    try:
        return version("kansli")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0"


def slug(text: str) -> str:
    """Letters, digits, dot, dash and underscore: a name safe in a path and in an XML id."""
    folded = (
        text.replace("å", "a")
        .replace("ä", "a")
        .replace("ö", "o")
        .replace("Å", "A")
        .replace("Ä", "A")
        .replace("Ö", "O")
    )
    return _UNSAFE.sub("-", folded).strip("-.") or "x"


def package_id(case: Case) -> str:
    """Stable for a case, so that an interrupted export is resumed where it stopped."""
    return f"kansli-{slug(case.body.short_name or case.body.name).lower()}-{slug(case.number)}"


def closed_cases(
    body: Body, *, year: int | None = None, numbers: list[str] | None = None
) -> QuerySet[Case]:
    """The cases to export: closed in `year`, or these numbers (each must be closed: the
    export says which is not), or every closed case."""
    cases = Case.objects.filter(body=body).select_related("process", "official", "organization")
    if numbers:
        return cases.filter(number__in=numbers).order_by("number")
    cases = cases.filter(status=CaseStatus.CLOSED)
    if year is not None:
        cases = cases.filter(closed_on__year=year)
    return cases.order_by("closed_on", "number")


def export_refusal(case: Case) -> str:
    """Why a case cannot be archived now, or ""."""
    if case.status != CaseStatus.CLOSED or case.closed_on is None:
        return f"Ärende {case.number} är inte avslutat och kan inte arkiveras ännu."
    return ""


def submission_for(case: Case, *, created: datetime.datetime | None = None) -> Submission:
    refusal = export_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    body = case.body
    plan = rules_by_process(body)
    minutes_of_extract = _minutes_of_extracts(case)
    documents = tuple(
        _document(document, plan, minutes_of_extract.get(document.pk, ()))
        for document in Document.objects.filter(case=case)
        .select_related("case", "disposal__decision")
        .order_by("sequence")
    )
    agents = []
    if case.official is not None:
        agents.append(Agent(case.official.name, "responsible_person", case.unit))
    if case.organization is not None:
        agents.append(Agent(case.organization.name, "organisation"))
    return Submission(
        package_id=package_id(case),
        label=f"Ärende {case.number}",
        archival_creator=body.name,
        archival_creator_id=body.short_name,
        submitter=f"Kansli {kansli_version()}",
        created=created or timezone.now(),
        classification_scheme=f"Klassificeringsstruktur för {body.name}" if case.process_id else "",
        case=ArchiveCase(
            identifier=case.number,
            title=case.title,
            case_type=case.get_case_type_display(),
            registered_on=case.registered_on,
            closed_on=case.closed_on or case.registered_on,
            closing_decision=case.closing_decision,
            organisation=case.organization.name if case.organization else body.name,
            unit=case.unit,
            agents=tuple(agents),
            restriction=_restriction(case.secrecy, case.secrecy_marked_on, case.secrecy_authority),
            classification=_classification(case.process),
            documents=documents,
            meetings=_meetings(case),
            relations=_meeting_cases(case),
            history=tuple(
                (timezone.localtime(entry.created_at), entry.summary) for entry in case_record(case)
            ),
        ),
    )


def _restriction(
    provision: str, marked_on: datetime.date | None, authority: str
) -> Restriction | None:
    return Restriction(provision, marked_on, authority) if provision else None


def _classification(node: ClassNode | None) -> Classification | None:
    if node is None:
        return None
    path: list[str] = []
    parent = node.parent
    while parent is not None:
        path.insert(0, parent.name)
        parent = parent.parent
    return Classification(node.code, node.name, tuple(path))


def _meeting_cases(case: Case) -> tuple[str, ...]:
    """The cases of the meetings that decided this case (their minutes are there)."""
    meetings = Meeting.objects.filter(minutes__paragraphs__case=case).select_related("case")
    return tuple(
        sorted({m.case.number for m in meetings if m.case is not None and m.case_id != case.pk})
    )


def _minutes_of_extracts(case: Case) -> dict[int, tuple[str, ...]]:
    """For each of the case's extracts (a paragraph's, when adjusted or sent): the minutes
    document it was taken from, as an ERMS relation."""
    related: dict[int, tuple[str, ...]] = {}
    paragraphs = Paragraph.objects.filter(case=case).select_related(
        "minutes__document__case", "extract_document"
    )
    for paragraph in paragraphs:
        source = paragraph.minutes.document
        if source is None:
            continue
        extracts = [
            paragraph.extract_document_id,
            *paragraph.dispatches.exclude(document=None).values_list("document_id", flat=True),
        ]
        for pk in extracts:
            if pk is not None:
                related[pk] = (source.number,)
    return related


def _document(
    document: Document,
    plan: dict[int, dict[str, RetentionRule]],
    relations: tuple[str, ...] = (),
) -> ArchiveDocument:
    rule = rule_in(plan, document)
    retention = (
        Retention(
            keep=rule.action == "bevaras",
            years=rule.years,
            on_inactuality=rule.on_inactuality,
            legal_basis=rule.legal_basis,
        )
        if rule is not None
        else None
    )
    agents: tuple[Agent, ...] = ()
    if document.counterpart:
        role = "sender" if document.kind == DocumentKind.INCOMING else "receiver"
        agents = (Agent(document.counterpart, role),)
    disposal = getattr(document, "disposal", None)
    disposed_note = (
        f"Filen {disposal.file_name} gallrades {disposal.decision.decided_on.isoformat()} "
        f"enligt {disposal.rule}; stöd: {disposal.decision.reference}."
        if disposal is not None
        else ""
    )
    return ArchiveDocument(
        identifier=document.number,
        sequence=document.sequence,
        title=document.description,
        direction=_DIRECTION[DocumentKind(document.kind)],
        document_type=document.document_type or document.get_kind_display(),
        date=document.date,
        registered_at=document.registered_at,
        agents=agents,
        restriction=_restriction(
            document.secrecy or document.case.secrecy,
            document.secrecy_marked_on or document.case.secrecy_marked_on,
            document.secrecy_authority or document.case.secrecy_authority,
        ),
        retention=retention,
        file=_file(document) if document.file else None,
        disposed_note=disposed_note,
        relations=relations,
    )


def _file(document: Document) -> ArchiveFile:
    path = Path(document.file.path)
    name = document.file_name or path.name
    stem, dot, extension = name.rpartition(".")
    safe = f"{document.sequence:03d}-{slug(stem if dot else name)[:80]}"
    if dot:
        safe += f".{slug(extension)[:10].lower()}"
    sha256 = document.sha256
    if not sha256 and path.exists():  # registered before Kansli kept checksums
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    kind = archive_format(path, document.content_type)
    return ArchiveFile(
        source=path,
        name=safe,
        mime_type=document.content_type or "application/octet-stream",
        size=document.size
        if document.size is not None
        else (path.stat().st_size if path.exists() else -1),
        sha256=sha256,
        pdfa=kind.pdfa,
        format_note=kind.note,
    )


def _meetings(case: Case) -> tuple[ArchiveMeeting, ...]:
    """The meetings held in the case (a meeting's own case) and those that decided it."""
    meetings = {m.pk: m for m in Meeting.objects.filter(case=case).select_related("organization")}
    decided = Paragraph.objects.filter(case=case).select_related("minutes__meeting__organization")
    for paragraph in decided:
        meeting = paragraph.minutes.meeting
        meetings.setdefault(meeting.pk, meeting)
    found = []
    for meeting in sorted(meetings.values(), key=lambda m: m.date):
        minutes = getattr(meeting, "minutes", None)
        adjusted = minutes is not None and minutes.status == MinutesStatus.ADJUSTED
        paragraphs: tuple[ArchiveParagraph, ...] = ()
        if minutes is not None and adjusted:
            own = meeting.case_id == case.pk
            chosen = minutes.paragraphs.all() if own else minutes.paragraphs.filter(case=case)
            paragraphs = tuple(
                ArchiveParagraph(
                    number=p.number,
                    title=p.title,
                    decision=" ".join(
                        (p.decision_formula, *(str(c) for c in p.decision_clauses or []))
                    ).strip(),
                    case_identifier=p.case.number if p.case_id else "",
                )
                for p in chosen.select_related("case").order_by("number")
            )
        found.append(
            ArchiveMeeting(
                organisation=meeting.organization.name,
                date=meeting.date,
                place=meeting.place,
                minutes_adjusted_on=minutes.adjusted_on if minutes and adjusted else None,
                paragraphs=paragraphs,
                minutes_document=minutes.document.number
                if minutes and adjusted and minutes.document_id
                else "",
            )
        )
    return tuple(found)
