"""The package's descriptive metadata: CITS ERMS v3 (the case as an aggregation, each
document a record, the meetings as own elements, each decision an action)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from lxml import etree

from .layout import AGENT_TYPES, DIRECTIONS, DOCUMENT_DATE_TYPES, StoredFile, system_id, timestamp
from .model import (
    Agent,
    ArchiveCase,
    ArchiveDocument,
    ArchiveMeeting,
    Restriction,
    Retention,
    Submission,
)
from .xml import (
    ERMS_NS,
    XSI_NS,
    clean,
    q,
    serialize,
)


def _e(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, q(ERMS_NS, tag))
    for key, value in attrs.items():
        el.set(key, clean(value))
    if text is not None:
        el.text = clean(text)
    return el


def _agent(parent: Any, agent: Agent) -> None:
    agent_type = AGENT_TYPES.get(agent.role)
    el = _e(parent, "agent", agentType=agent_type or "other")
    if agent_type is None:
        el.set("otherAgentType", clean(agent.role or "okänd"))
    _e(el, "name", agent.name)
    if agent.organisation:
        _e(el, "organisation", agent.organisation)


def _restriction(parent: Any, restriction: Restriction) -> None:
    el = _e(parent, "restriction", restrictionType="confidential")
    text = f"Sekretessmarkering enligt {restriction.provision}"
    if restriction.authority:
        text += f", markerad av {restriction.authority}"
    _e(el, "explanatoryText", text + ".")
    _e(el, "regulation", restriction.provision)
    if restriction.marked_on is not None:
        dates = _e(el, "dates")
        _e(dates, "date", timestamp(restriction.marked_on), dateType="confidentiality_assessed")


def _disposal(parent: Any, retention: Retention, starts: date) -> None:
    """ERMS requires disposal/dates: the retention period is counted from the case's closing
    (the only date Kansli knows for it); an end date is not computed, as bodies count years
    differently (from the closing day or from the end of that year)."""
    el = _e(parent, "disposal", disposable="false" if retention.keep else "true")
    if retention.keep:
        _e(el, "disposalAction", "Bevaras")
    else:
        _e(el, "disposalAction", "Gallras")
        if retention.years is not None:
            _e(el, "disposalPeriod", f"{retention.years} år")
        elif retention.on_inactuality:
            _e(el, "disposalPeriod", "Vid inaktualitet")
    if retention.legal_basis:
        _e(el, "disposalMandate", retention.legal_basis)
    dates = _e(el, "dates")
    _e(dates, "disposalDate", timestamp(starts), dateType="retention_period_start")


def _relations(parent: Any, relations: Iterable[str]) -> None:
    for rel in relations:
        _e(parent, "relation", rel, relationType="reference")


def _own(parent: Any, name: str, value: str | None = None, data_type: str = "") -> Any:
    el = _e(parent, "ownElement", name=name)
    if data_type:
        el.set("dataType", data_type)
    if value is not None:
        _e(el, "value", value)
    return el


def _meetings(parent: Any, meetings: Iterable[ArchiveMeeting]) -> None:
    """A meeting is no ERMS record (Kansli registers no document for the meeting itself; its
    minutes, when registered, are a record of their own) nor an aggregation (an aggregation
    holds either aggregations or records, and the case holds records). ERMS's own structured
    extension, `additionalInformation/ownElement`, keeps it whole and nested: organ, day,
    place, adjustment, minutes' document and every paragraph with its decision. The decisions
    taken in the case are also given as ERMS `action`s on the aggregation (see `_decisions`),
    which a reader of plain ERMS understands without knowing these names."""
    wrapper = _e(parent, "ownElement")
    _e(
        wrapper,
        "ownElementDescription",
        "Sammanträden i ärendet (Kansli): meeting = organ, datum, plats, justeringsdag, "
        "protokollets handling och paragrafer (paragraph = nummer, rubrik, beslut, ärende).",
    )
    for meeting in meetings:
        m = _own(wrapper, "meeting")
        _own(m, "organisation", meeting.organisation)
        _own(m, "date", meeting.date.isoformat(), "date")
        _own(m, "place", meeting.place)
        if meeting.minutes_adjusted_on is not None:
            _own(m, "minutesAdjustedOn", meeting.minutes_adjusted_on.isoformat(), "date")
        if meeting.minutes_document:
            _own(m, "minutesDocument", meeting.minutes_document)
        for para in meeting.paragraphs:
            p = _own(m, "paragraph")
            _own(p, "number", str(para.number), "int")
            _own(p, "title", para.title)
            _own(p, "decision", para.decision)
            if para.case_identifier:
                _own(p, "caseIdentifier", para.case_identifier)


def _decisions(parent: Any, case: ArchiveCase) -> None:
    for meeting in case.meetings:
        for para in meeting.paragraphs:
            if para.case_identifier and para.case_identifier != case.identifier:
                continue
            action = _e(parent, "action")
            _e(
                action,
                "actionText",
                f"{meeting.organisation} § {para.number} {para.title}: {para.decision}",
            )
            _e(action, "actionType", "Beslut")
            dates = _e(action, "dates")
            _e(dates, "actionDate", timestamp(meeting.date), dateType="decision")
            agents = _e(action, "agents")
            _e(_e(agents, "agent", agentType="authorising_person"), "name", meeting.organisation)


def build_erms(sub: Submission, files: dict[str, StoredFile]) -> bytes:
    """The CITS ERMS v3 document: control, one caseFile aggregation, one record per document."""
    case = sub.case
    root = etree.Element(q(ERMS_NS, "erms"), nsmap={None: ERMS_NS, "xsi": XSI_NS})
    root.set(q(XSI_NS, "schemaLocation"), f"{ERMS_NS} ../../schemas/ERMS_v3.xsd")

    control = _e(root, "control")
    _e(control, "identification", sub.package_id, identificationType="paket")
    _e(control, "identification", sub.archival_creator, identificationType="arkivbildare")
    creator_id = sub.archival_creator_id.strip()
    id_type = (
        "organisationsnummer" if re.fullmatch(r"\d{6}-?\d{4}", creator_id) else "arkivbildarkod"
    )
    if creator_id:
        _e(control, "identification", creator_id, identificationType=id_type)
    if sub.classification_scheme:
        schema = _e(
            control,
            "classificationSchema",
            classificationSchemaId="klassificering",
            classificationSchemaStatus="current",
        )
        _e(_e(schema, "textualDescriptionOfClassificationSchema"), "p", sub.classification_scheme)
    maintenance = _e(control, "maintenanceInformation")
    _e(maintenance, "maintenanceStatus", value="new")
    agency = _e(maintenance, "maintenanceAgency")
    if creator_id:
        _e(agency, "agencyCode", creator_id, type=id_type)
    _e(agency, "agencyName", sub.archival_creator)
    event = _e(_e(maintenance, "maintenanceHistory"), "maintenanceEvent")
    _e(event, "eventType", value="created")
    _e(event, "eventDateTime", timestamp(sub.created))
    _e(_e(event, "agent", agentType="deliverer"), "name", sub.submitter)

    aggs = _e(root, "aggregations")
    agg = _e(
        aggs,
        "aggregation",
        systemIdentifier=system_id(sub.package_id, case.identifier),
        aggregationType="caseFile",
    )
    if sub.classification_scheme:
        agg.set("classificationSchemaUsed", "klassificering")
    _e(agg, "objectId", case.identifier)
    _e(agg, "identification", case.identifier, identificationType="diarienummer")
    if case.classification is not None:
        c = case.classification
        _e(agg, "classification", c.name, classificationCode=c.code)
    _e(agg, "title", case.title)
    _e(agg, "status", value="closed")
    _relations(agg, case.relations)
    if case.meetings:
        _meetings(_e(agg, "additionalInformation"), case.meetings)
    if case.restriction is not None:
        _restriction(agg, case.restriction)
    agents = [Agent(case.organisation, "owner", "")] if case.organisation else []
    agents += list(case.agents)
    if agents:
        el = _e(agg, "agents")
        for a in agents:
            _agent(el, a)
        if case.unit and case.organisation:
            _e(el[0], "unitName", case.unit)
            # unitName comes after organisation in the sequence, which owner agents lack
    if case.closing_decision:
        _e(agg, "description", case.closing_decision)
    dates = _e(agg, "dates")
    _e(dates, "date", timestamp(case.registered_on), dateType="opened")
    _e(dates, "date", timestamp(case.closed_on), dateType="closed")
    _decisions(agg, case)
    if case.history:
        history = _e(agg, "archivalHistory")
        for when, what in case.history:
            _e(history, "historyLine", f"{when.isoformat(timespec='minutes')} {what}")
    notes: list[tuple[str, str]] = []
    if case.case_type:
        notes.append(("ärendetyp", case.case_type))
    if case.classification is not None and case.classification.path:
        notes.append(("klassificeringsväg", " / ".join(case.classification.path)))
    if notes:
        el = _e(agg, "notes")
        for kind, text in notes:
            _e(el, "note", text, noteType=kind)

    for doc in sorted(case.documents, key=lambda d: d.sequence):
        _record(agg, sub, doc, files.get(doc.identifier))

    if sub.extra:
        info = _e(root, "additionalInformation")
        wrapper = _e(info, "ownElement")
        _e(wrapper, "ownElementDescription", "Övriga uppgifter om leveransen (Kansli).")
        for key in sorted(sub.extra):
            _own(wrapper, key, sub.extra[key])
    return serialize(root)


def _record(agg: Any, sub: Submission, doc: ArchiveDocument, stored: StoredFile | None) -> None:
    rec = _e(
        agg,
        "record",
        systemIdentifier=system_id(sub.package_id, doc.identifier),
        recordType=doc.document_type,
    )
    rec.set("recordPhysicalOrDigital", "digital")
    _e(rec, "objectId", doc.identifier)
    _e(rec, "title", doc.title)
    _e(rec, "runningNumber", str(doc.sequence))
    _relations(rec, doc.relations)
    if doc.restriction is not None:
        _restriction(rec, doc.restriction)
    if doc.retention is not None:
        _disposal(rec, doc.retention, sub.case.closed_on)
    direction, other = DIRECTIONS.get(doc.direction, ("other", doc.direction or "okänd"))
    el = _e(rec, "direction", directionDefinition=direction)
    if other:
        el.set("otherDirectionDefinition", clean(other))
    if doc.agents:
        el = _e(rec, "agents")
        for a in doc.agents:
            _agent(el, a)
    dates = _e(rec, "dates")
    _e(
        dates,
        "date",
        timestamp(doc.date),
        dateType=DOCUMENT_DATE_TYPES.get(doc.direction, "created"),
    )
    _e(dates, "date", timestamp(doc.registered_at), dateType="captured")
    if doc.file is None and doc.disposed_note:
        notes = _e(rec, "notes")
        _e(notes, "note", doc.disposed_note, noteType="gallring")
    elif doc.file is None:
        notes = _e(rec, "notes")
        _e(notes, "note", "Handlingen har ingen fil i paketet.", noteType="fil")
    if stored is not None and doc.file is not None:
        info = _e(rec, "additionalInformation")
        _e(
            info,
            "appendix",
            name=doc.file.name,
            path=stored.path,
            fileFormat=stored.mime_type,
            description=doc.title,
        )
