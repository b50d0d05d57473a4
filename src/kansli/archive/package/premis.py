"""The package's preservation metadata: PREMIS 3 (one object per file, the packaging
event and its agents)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from .layout import StoredFile, software_of, system_id, timestamp
from .model import (
    ArchiveDocument,
    Submission,
)
from .xml import (
    PREMIS_NS,
    XSI_NS,
    clean,
    q,
    serialize,
)


def _p(parent: Any, name: str, text: str | None = None) -> Any:
    el = etree.SubElement(parent, q(PREMIS_NS, name))
    if text is not None:
        el.text = clean(text)
    return el


def build_premis(
    sub: Submission,
    docs: list[ArchiveDocument],
    files: dict[str, StoredFile],
    sheet: StoredFile | None = None,
) -> bytes:
    """PREMIS 3: one file object per data file (fixity, size, format, PDF/A claim or the
    reason it is not PDF/A), the packaging event and its agents."""
    root = etree.Element(q(PREMIS_NS, "premis"), nsmap={"premis": PREMIS_NS, "xsi": XSI_NS})
    root.set("version", "3.0")
    root.set(q(XSI_NS, "schemaLocation"), f"{PREMIS_NS} ../../schemas/premis-v3-0.xsd")
    software_name, software_version = software_of(sub.submitter)
    event_id = system_id(sub.package_id, "event", "information package creation")
    for doc in docs:
        stored = files.get(doc.identifier)
        if stored is None or doc.file is None:
            continue
        if doc.file.pdfa:
            family, _, level = doc.file.pdfa.partition("-")  # "PDF/A-2b" → "PDF/A", "2b"
            name, version = family or doc.file.pdfa, level
            note = f"MIME-typ {doc.file.mime_type}; kontrollerad som {doc.file.pdfa}."
        else:
            name, version, note = doc.file.mime_type, "", doc.file.format_note
        _premis_file(root, stored, software_name, event_id, (name, version, note), doc.file.name)
    if sheet is not None:  # the case sheet Kansli writes, plain UTF-8 text
        described = ("text/plain", "", "Diarieblad (UTF-8) skrivet av Kansli ur registreringarna.")
        _premis_file(root, sheet, software_name, event_id, described, sheet.path.rsplit("/", 1)[-1])

    event = _p(root, "event")
    eid = _p(event, "eventIdentifier")
    _p(eid, "eventIdentifierType", "UUID")
    _p(eid, "eventIdentifierValue", event_id)
    _p(event, "eventType", "information package creation")
    _p(event, "eventDateTime", timestamp(sub.created))
    _p(
        _p(event, "eventDetailInformation"),
        "eventDetail",
        f"Paketet {sub.package_id} skapades av {software_name} {software_version}. Varje fils "
        "SHA-256 beräknades ur byten vid kopieringen och jämfördes med den registrerade.",
    )
    _p(_p(event, "eventOutcomeInformation"), "eventOutcome", "success")
    agents = [
        ("software", software_name, "executing program"),
        ("organization", sub.archival_creator, "authorizer"),
    ]
    for kind, name, role in agents:
        link = _p(event, "linkingAgentIdentifier")
        _p(link, "linkingAgentIdentifierType", "local")
        _p(link, "linkingAgentIdentifierValue", f"{kind}:{name}")
        _p(link, "linkingAgentRole", role)
    outcome = [files[d.identifier] for d in docs if d.identifier in files]
    for stored in [*outcome, *([sheet] if sheet is not None else [])]:
        link = _p(event, "linkingObjectIdentifier")
        _p(link, "linkingObjectIdentifierType", "filepath")
        _p(link, "linkingObjectIdentifierValue", stored.path)
        _p(link, "linkingObjectRole", "outcome")
    for kind, name, _role in agents:
        agent = _p(root, "agent")
        aid = _p(agent, "agentIdentifier")
        _p(aid, "agentIdentifierType", "local")
        _p(aid, "agentIdentifierValue", f"{kind}:{name}")
        _p(agent, "agentName", name)
        _p(agent, "agentType", kind)
        if kind == "software":
            _p(agent, "agentVersion", software_version)
        elif sub.archival_creator_id:
            _p(agent, "agentNote", f"Identitet: {sub.archival_creator_id}")
    return serialize(root)


def _premis_file(
    root: Any,
    stored: StoredFile,
    software_name: str,
    event_id: str,
    described: tuple[str, str, str],
    original_name: str,
) -> None:
    """One PREMIS file object: its path, SHA-256, size, format (name, version, note) and the
    event that made it."""
    format_name, format_version, format_note = described
    obj = _p(root, "object")
    obj.set(q(XSI_NS, "type"), "premis:file")
    oid = _p(obj, "objectIdentifier")
    _p(oid, "objectIdentifierType", "filepath")
    _p(oid, "objectIdentifierValue", stored.path)
    chars = _p(obj, "objectCharacteristics")
    _p(chars, "compositionLevel", "0")
    fixity = _p(chars, "fixity")
    _p(fixity, "messageDigestAlgorithm", "SHA-256")
    _p(fixity, "messageDigest", stored.sha256)
    _p(fixity, "messageDigestOriginator", software_name)
    _p(chars, "size", str(stored.size))
    fmt = _p(chars, "format")
    designation = _p(fmt, "formatDesignation")
    _p(designation, "formatName", format_name)
    if format_version:
        _p(designation, "formatVersion", format_version)
    if format_note:
        _p(fmt, "formatNote", format_note)
    _p(obj, "originalName", original_name)
    link = _p(obj, "linkingEventIdentifier")
    _p(link, "linkingEventIdentifierType", "UUID")
    _p(link, "linkingEventIdentifierValue", event_id)
