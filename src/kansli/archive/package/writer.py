"""One `Submission` → one E-ARK SIP 2.1 (FGS 2.0) as a directory.

Layout of `<target_parent>/<package_id>/`::

    METS.xml                               package METS (CSIP + SIP profile)
    metadata/descriptive/erms.xml          CITS ERMS v3: the case, its documents, its meetings
    metadata/preservation/premis.xml       PREMIS 3: one object per file, the event, the agents
    schemas/ERMS_v3.xsd, premis-v3-0.xsd   the schemas of the two metadata files
    documentation/paketbeskrivning.txt     the package described in Swedish, for a human
    representations/rep1/METS.xml          representation METS
    representations/rep1/data/<file name>  the documents' files

The representation METS points back to the package's metadata, documentation and schemas
with relative `../../` links instead of copying them: the CSIP 2.1.0 Schematron rules that
`validate` runs on every METS require Documentation/Schemas/Metadata in each, and one copy
of each file keeps the package unambiguous.

The package is written into the hidden sibling `.<package_id>.partial` and renamed into place
only when every file is written and synced; any error removes the partial directory.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import uuid
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from .model import (
    Agent,
    ArchiveCase,
    ArchiveDocument,
    ArchiveFile,
    ArchiveMeeting,
    Restriction,
    Retention,
    Submission,
)
from .xml import (
    CSIP_NS,
    ERMS_NS,
    METS_NS,
    NSMAP_METS,
    PREMIS_NS,
    SCHEMAS,
    XLINK_NS,
    XSI_NS,
    clean,
    q,
    serialize,
)

# The SIP 2.1.0 profile (requirement SIP2) fixes mets/@PROFILE to this URL, and its
# Schematron rule tests for exactly this value.
PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
# Content category (CSIP2, vocabulary CSIPVocabularyContentCategory): a case file is text.
CONTENT_CATEGORY = "Textual works – Digital"
# Content information type (CSIP4, vocabulary CSIPVocabularyContentInformationType).
CONTENT_INFORMATION_TYPE = "citserms_v3_0"
REPRESENTATION = "rep1"
DATA_DIR = f"representations/{REPRESENTATION}/data"
ERMS_PATH = "metadata/descriptive/erms.xml"
PREMIS_PATH = "metadata/preservation/premis.xml"
DOCUMENTATION_PATH = "documentation/paketbeskrivning.txt"
CASE_SHEET_PATH = f"{DATA_DIR}/diarieblad.txt"
SCHEMA_FILES = (
    ("schemas/ERMS_v3.xsd", SCHEMAS / "erms" / "ERMS_v3.xsd"),
    ("schemas/premis-v3-0.xsd", SCHEMAS / "premis" / "premis-v3-0.xsd"),
)
CHUNK = 1 << 20
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# ERMS record/direction for Kansli's three directions. "internal" has no exact ERMS value:
# the two internal_memo_* values claim something about follow-up that Kansli does not know.
DIRECTIONS = {
    "incoming": ("incoming", ""),
    "outgoing": ("outgoing", ""),
    "internal": ("other", "internal"),
}
# The document's own date, as an ERMS dateType, per direction.
DOCUMENT_DATE_TYPES = {"incoming": "received", "outgoing": "sent", "internal": "created"}
# Kansli's agent roles → ERMS agent/@agentType; an unknown role becomes "other" + otherAgentType.
AGENT_TYPES = {
    "creator": "creator",
    "responsible_person": "responsible_person",
    "sender": "sender",
    "receiver": "receiver",
    "recipient": "recipient",
    "counterpart": "counterpart",
    "submitting_organisation": "deliverer",
    "custodian": "custodian",
    "owner": "owner",
}
FSYNC_WORKERS = 8
UUID_NAMESPACE = uuid.UUID("6f1c3b4e-9d0a-5b8e-8f4c-2a7d1e0b9c53")


class PackageError(Exception):
    """The package cannot be written; the message (Swedish) says why, for the user."""


@dataclass(frozen=True)
class StoredFile:
    """A file as written into the package: its path from the package root and what it holds."""

    path: str
    size: int
    sha256: str
    mime_type: str
    created: datetime


def write_package(submission: Submission, target_parent: Path) -> Path:
    """Write `submission` as `target_parent/<package_id>/` and return that path."""
    package_id = submission.package_id
    if not SAFE_NAME.fullmatch(package_id):
        raise PackageError(
            f"Paketidentiteten {clean(package_id)!r} får bara innehålla bokstäverna A–Z, "
            "siffror, punkt, bindestreck och understreck."
        )
    _check_files(submission.case)
    target_parent = Path(target_parent)
    target_parent.mkdir(parents=True, exist_ok=True)
    target = target_parent / package_id
    if target.exists():
        raise PackageError(f"Paketet {package_id} finns redan.")
    partial = target_parent / f".{package_id}.partial"
    if partial.exists():  # left by an export that died: it never became a package
        shutil.rmtree(partial)
    partial.mkdir(parents=False)
    try:
        _write_into(submission, partial)
        _fsync_tree(partial)
        if target.exists():
            raise PackageError(f"Paketet {package_id} finns redan.")
        os.rename(partial, target)
        _fsync_path(target_parent)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


# ---------------------------------------------------------------------------- the files


def _check_files(case: ArchiveCase) -> None:
    names: set[str] = set()
    for doc in case.documents:
        if doc.file is None:
            continue
        name = doc.file.name
        if not SAFE_NAME.fullmatch(name):
            raise PackageError(
                f"Handling {clean(doc.identifier)}: filnamnet {clean(name)!r} får bara innehålla "
                "bokstäverna A–Z, siffror, punkt, bindestreck och understreck."
            )
        if name in names:
            raise PackageError(
                f"Handling {clean(doc.identifier)}: filnamnet {name} används redan i ärendet."
            )
        names.add(name)


def _copy_checked(doc: ArchiveDocument, file: ArchiveFile, target: Path) -> tuple[int, str]:
    """Copy the file's bytes, hashing them on the way; refuse bytes that are not the
    registered ones."""
    digest = hashlib.sha256()
    size = 0
    try:
        src = open(file.source, "rb")  # noqa: SIM115 - closed below, with dst
    except FileNotFoundError:
        raise PackageError(f"Handling {clean(doc.identifier)}: filen saknas.") from None
    except OSError as error:
        raise PackageError(
            f"Handling {clean(doc.identifier)}: filen kan inte läsas ({error.strerror})."
        ) from None
    with src, open(target, "xb") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            dst.write(chunk)
    sha256 = digest.hexdigest()
    if size != file.size:
        raise PackageError(
            f"Handling {clean(doc.identifier)}: filens storlek stämmer inte med den registrerade "
            f"(registrerad {file.size} byte, funnen {size} byte). Filen kan ha ändrats."
        )
    if sha256 != file.sha256.strip().lower():
        raise PackageError(
            f"Handling {clean(doc.identifier)}: filens kontrollsumma stämmer inte med den "
            "registrerade. Filen kan ha ändrats."
        )
    return size, sha256


def _write_bytes(root: Path, rel: str, data: bytes, mime: str, created: datetime) -> StoredFile:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as f:
        f.write(data)
    return StoredFile(rel, len(data), hashlib.sha256(data).hexdigest(), mime, created)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Every file, then every directory of the package on disk before it is renamed into
    place. The files are synced side by side (fsync waits for the disk, not the processor),
    which costs a fraction of syncing each as it is written."""
    files: list[Path] = []
    directories: list[Path] = []
    for dirpath, _dirs, names in os.walk(root):
        directories.append(Path(dirpath))
        files.extend(Path(dirpath) / name for name in names)
    with ThreadPoolExecutor(max_workers=FSYNC_WORKERS) as pool:
        list(pool.map(_fsync_path, files))
        list(pool.map(_fsync_path, directories))


def _write_into(sub: Submission, root: Path) -> None:
    created = sub.created
    case = sub.case
    data_files: dict[str, StoredFile] = {}  # document identifier → its file
    docs = sorted(case.documents, key=lambda d: d.sequence)
    (root / DATA_DIR).mkdir(parents=True)
    for doc in docs:
        if doc.file is None:
            continue
        rel = f"{DATA_DIR}/{doc.file.name}"
        size, sha256 = _copy_checked(doc, doc.file, root / rel)
        data_files[doc.identifier] = StoredFile(
            rel, size, sha256, doc.file.mime_type, doc.registered_at
        )

    # The case sheet (diarieblad) is always the representation's first file, so that a case
    # whose documents have no files (or whose files were disposed of) is still a package with
    # content: the register entries themselves, readable without any software.
    sheet = _write_bytes(
        root, CASE_SHEET_PATH, _case_sheet(sub, data_files).encode(), "text/plain", created
    )
    schemas = [
        _write_bytes(root, rel, src.read_bytes(), "application/xml", created)
        for rel, src in SCHEMA_FILES
    ]
    documentation = _write_bytes(
        root, DOCUMENTATION_PATH, _documentation(sub, data_files).encode(), "text/plain", created
    )
    erms = _write_bytes(root, ERMS_PATH, build_erms(sub, data_files), "application/xml", created)
    premis = _write_bytes(
        root, PREMIS_PATH, build_premis(sub, docs, data_files, sheet), "application/xml", created
    )
    rep = _Mets(sub, prefix=f"{REPRESENTATION}-", up="../../", objid=REPRESENTATION)
    rep_bytes = rep.build(
        erms,
        premis,
        [documentation],
        schemas,
        [sheet, *(data_files[d.identifier] for d in docs if d.identifier in data_files)],
    )
    rep_mets: StoredFile | None = _write_bytes(
        root,
        f"representations/{REPRESENTATION}/METS.xml",
        rep_bytes,
        "application/xml",
        created,
    )
    package = _Mets(sub, prefix="", up="", objid=sub.package_id)
    _write_bytes(
        root,
        "METS.xml",
        package.build(erms, premis, [documentation], schemas, [], rep_mets),
        "application/xml",
        created,
    )


# ---------------------------------------------------------------------------- METS


def _ts(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return f"{value.isoformat()}T00:00:00"


def _software(submitter: str) -> tuple[str, str]:
    """ "Kansli 0.9" → ("Kansli", "0.9"); a submitter without a version keeps its whole name."""
    name, _, version = clean(submitter).strip().rpartition(" ")
    if name and any(ch.isdigit() for ch in version):
        return name, version
    return clean(submitter).strip() or "Kansli", "okänd version"


class _Mets:
    """One METS document: the package's (prefix "") or the representation's ("rep1-")."""

    def __init__(self, sub: Submission, prefix: str, up: str, objid: str) -> None:
        self.sub = sub
        self.prefix = prefix
        self.up = up  # path from this METS's folder back to the package root
        self.objid = objid

    def _id(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def _file_attrs(self, el: Any, f: StoredFile) -> None:
        el.set("MIMETYPE", f.mime_type)
        el.set("SIZE", str(f.size))
        el.set("CREATED", _ts(f.created))
        el.set("CHECKSUM", f.sha256)
        el.set("CHECKSUMTYPE", "SHA-256")

    def _href(self, f: StoredFile, local: bool = False) -> str:
        if local:  # a file inside this METS's own folder
            return f.path.removeprefix(f"representations/{REPRESENTATION}/")
        return f"{self.up}{f.path}"

    def _file(self, grp: Any, file_id: str, f: StoredFile, local: bool = False) -> None:
        el = etree.SubElement(grp, q(METS_NS, "file"), ID=self._id(file_id))
        self._file_attrs(el, f)
        loc = etree.SubElement(el, q(METS_NS, "FLocat"), LOCTYPE="URL")
        loc.set(q(XLINK_NS, "type"), "simple")
        loc.set(q(XLINK_NS, "href"), self._href(f, local))

    def build(
        self,
        erms: StoredFile,
        premis: StoredFile,
        documentation: list[StoredFile],
        schemas: list[StoredFile],
        data: list[StoredFile],
        rep_mets: StoredFile | None = None,
    ) -> bytes:
        sub = self.sub
        created = _ts(sub.created)
        root = etree.Element(q(METS_NS, "mets"), nsmap=NSMAP_METS)
        root.set("OBJID", self.objid)
        root.set("LABEL", clean(sub.label))
        root.set("TYPE", CONTENT_CATEGORY)
        root.set(q(CSIP_NS, "CONTENTINFORMATIONTYPE"), CONTENT_INFORMATION_TYPE)
        root.set("PROFILE", PROFILE)
        root.set(
            q(XSI_NS, "schemaLocation"),
            "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd "
            "http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd "
            "https://DILCIS.eu/XML/METS/CSIPExtensionMETS "
            "https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd "
            "https://DILCIS.eu/XML/METS/SIPExtensionMETS "
            "https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd",
        )

        hdr = etree.SubElement(root, q(METS_NS, "metsHdr"))
        hdr.set("CREATEDATE", created)
        hdr.set("LASTMODDATE", created)
        hdr.set("RECORDSTATUS", "NEW")
        hdr.set(q(CSIP_NS, "OAISPACKAGETYPE"), "SIP")
        # SIP9–SIP14: the archival creator, an organisation, with its identification code.
        archivist = etree.SubElement(
            hdr, q(METS_NS, "agent"), ROLE="ARCHIVIST", TYPE="ORGANIZATION"
        )
        etree.SubElement(archivist, q(METS_NS, "name")).text = clean(sub.archival_creator)
        if sub.archival_creator_id.strip():
            note = etree.SubElement(archivist, q(METS_NS, "note"))
            note.set(q(CSIP_NS, "NOTETYPE"), "IDENTIFICATIONCODE")
            note.text = clean(sub.archival_creator_id.strip())
        # CSIP10–CSIP16: the software that created the package.
        name, version = _software(sub.submitter)
        software = etree.SubElement(
            hdr, q(METS_NS, "agent"), ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE"
        )
        etree.SubElement(software, q(METS_NS, "name")).text = name
        note = etree.SubElement(software, q(METS_NS, "note"))
        note.set(q(CSIP_NS, "NOTETYPE"), "SOFTWARE VERSION")
        note.text = version

        dmd = etree.SubElement(root, q(METS_NS, "dmdSec"), ID=self._id("dmd-erms"))
        dmd.set("CREATED", created)
        dmd.set("STATUS", "CURRENT")
        ref = etree.SubElement(dmd, q(METS_NS, "mdRef"), LOCTYPE="URL", MDTYPE="OTHER")
        ref.set("OTHERMDTYPE", "ERMS")
        ref.set("MDTYPEVERSION", "3.0")
        ref.set(q(XLINK_NS, "type"), "simple")
        ref.set(q(XLINK_NS, "href"), self._href(erms))
        self._file_attrs(ref, erms)

        amd = etree.SubElement(root, q(METS_NS, "amdSec"))
        prov = etree.SubElement(amd, q(METS_NS, "digiprovMD"), ID=self._id("digiprov-premis"))
        prov.set("CREATED", created)
        prov.set("STATUS", "CURRENT")
        ref = etree.SubElement(prov, q(METS_NS, "mdRef"), LOCTYPE="URL", MDTYPE="PREMIS")
        ref.set("MDTYPEVERSION", "3.0")
        ref.set(q(XLINK_NS, "type"), "simple")
        ref.set(q(XLINK_NS, "href"), self._href(premis))
        self._file_attrs(ref, premis)

        file_sec = etree.SubElement(root, q(METS_NS, "fileSec"), ID=self._id("file-sec"))
        # CSIP63 as the official rule file words it is true only for "OTHER" (see validate.py);
        # the groups follow the requirement's text: a type only where a representation is.
        doc_grp = etree.SubElement(
            file_sec, q(METS_NS, "fileGrp"), ID=self._id("grp-documentation"), USE="Documentation"
        )
        for i, f in enumerate(documentation, 1):
            self._file(doc_grp, f"documentation-{i}", f)
        schema_grp = etree.SubElement(
            file_sec, q(METS_NS, "fileGrp"), ID=self._id("grp-schemas"), USE="Schemas"
        )
        for i, f in enumerate(schemas, 1):
            self._file(schema_grp, f"schema-{i}", f)
        rep_use = f"Representations/{REPRESENTATION}"
        rep_grp: Any = None
        if rep_mets is not None or data:
            rep_grp = etree.SubElement(
                file_sec,
                q(METS_NS, "fileGrp"),
                ID=self._id(f"grp-{REPRESENTATION}" if rep_mets is not None else "grp-data"),
                USE=rep_use if rep_mets is not None else f"{rep_use}/data",
            )
            rep_grp.set(q(CSIP_NS, "CONTENTINFORMATIONTYPE"), CONTENT_INFORMATION_TYPE)
            if rep_mets is not None:
                self._file(rep_grp, f"{REPRESENTATION}-mets", rep_mets)
            for i, f in enumerate(data, 1):
                self._file(rep_grp, f"data-{i}", f, local=True)

        smap = etree.SubElement(
            root, q(METS_NS, "structMap"), ID=self._id("struct-map"), TYPE="PHYSICAL", LABEL="CSIP"
        )
        top = etree.SubElement(smap, q(METS_NS, "div"), ID=self._id("div-root"), LABEL=self.objid)
        etree.SubElement(
            top,
            q(METS_NS, "div"),
            ID=self._id("div-metadata"),
            LABEL="Metadata",
            ADMID=self._id("digiprov-premis"),
            DMDID=self._id("dmd-erms"),
        )
        div = etree.SubElement(
            top, q(METS_NS, "div"), ID=self._id("div-documentation"), LABEL="Documentation"
        )
        etree.SubElement(div, q(METS_NS, "fptr"), FILEID=self._id("grp-documentation"))
        div = etree.SubElement(top, q(METS_NS, "div"), ID=self._id("div-schemas"), LABEL="Schemas")
        etree.SubElement(div, q(METS_NS, "fptr"), FILEID=self._id("grp-schemas"))
        if rep_grp is not None:
            div = etree.SubElement(
                top, q(METS_NS, "div"), ID=self._id("div-representations"), LABEL="Representations"
            )
            etree.SubElement(div, q(METS_NS, "fptr"), FILEID=rep_grp.get("ID"))
            if rep_mets is not None:
                rep_div = etree.SubElement(
                    div, q(METS_NS, "div"), ID=self._id(f"div-{REPRESENTATION}"), LABEL=rep_use
                )
                mptr = etree.SubElement(rep_div, q(METS_NS, "mptr"), LOCTYPE="URL")
                mptr.set(q(XLINK_NS, "type"), "simple")
                mptr.set(q(XLINK_NS, "href"), rep_mets.path)
                mptr.set(q(XLINK_NS, "title"), rep_grp.get("ID"))
        return serialize(root)


# ---------------------------------------------------------------------------- ERMS


def _e(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, q(ERMS_NS, tag))
    for key, value in attrs.items():
        el.set(key, clean(value))
    if text is not None:
        el.text = clean(text)
    return el


def _system_id(*parts: str) -> str:
    return str(uuid.uuid5(UUID_NAMESPACE, "\x1f".join(parts)))


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
        _e(dates, "date", _ts(restriction.marked_on), dateType="confidentiality_assessed")


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
    _e(dates, "disposalDate", _ts(starts), dateType="retention_period_start")


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
            _e(dates, "actionDate", _ts(meeting.date), dateType="decision")
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
    _e(event, "eventDateTime", _ts(sub.created))
    _e(_e(event, "agent", agentType="deliverer"), "name", sub.submitter)

    aggs = _e(root, "aggregations")
    agg = _e(
        aggs,
        "aggregation",
        systemIdentifier=_system_id(sub.package_id, case.identifier),
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
    _e(dates, "date", _ts(case.registered_on), dateType="opened")
    _e(dates, "date", _ts(case.closed_on), dateType="closed")
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
        systemIdentifier=_system_id(sub.package_id, doc.identifier),
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
    _e(dates, "date", _ts(doc.date), dateType=DOCUMENT_DATE_TYPES.get(doc.direction, "created"))
    _e(dates, "date", _ts(doc.registered_at), dateType="captured")
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


# ---------------------------------------------------------------------------- PREMIS


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
    software_name, software_version = _software(sub.submitter)
    event_id = _system_id(sub.package_id, "event", "information package creation")
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
    _p(event, "eventDateTime", _ts(sub.created))
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


# ---------------------------------------------------------------------------- documentation


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


def _documentation(sub: Submission, files: dict[str, StoredFile]) -> str:
    case = sub.case
    lines = [
        f"Arkivpaket {sub.package_id}: {sub.label}",
        "",
        f"Arkivbildare: {sub.archival_creator}"
        + (f" ({sub.archival_creator_id})" if sub.archival_creator_id else ""),
        f"Skapat: {_ts(sub.created)} av {sub.submitter}",
        f"Ärende: {case.identifier} – {case.title}",
        f"Registrerat {case.registered_on.isoformat()}, avslutat {case.closed_on.isoformat()}.",
        "",
        "Paketet följer E-ARK SIP 2.1 (FGS 2.0). Ärendet och dess handlingar beskrivs i",
        f"{ERMS_PATH} (CITS ERMS v3), filernas kontrollsummor och format i {PREMIS_PATH}",
        f"(PREMIS 3). Handlingarnas filer ligger i {DATA_DIR}/.",
        "Sammanträden finns i ERMS under aggregation/additionalInformation/ownElement",
        "(meeting, paragraph) och besluten i ärendet som aggregation/action.",
        "",
        "Handlingar:",
    ]
    for doc in sorted(case.documents, key=lambda d: d.sequence):
        stored = files.get(doc.identifier)
        where = (
            stored.path
            if stored
            else (f"ingen fil: {doc.disposed_note}" if doc.disposed_note else "ingen fil")
        )
        secret = f" [sekretess: {doc.restriction.provision}]" if doc.restriction else ""
        lines.append(f"  {doc.identifier}  {doc.date.isoformat()}  {doc.title}{secret}  ({where})")
    return clean("\n".join(lines) + "\n")


def _case_sheet(sub: Submission, files: dict[str, StoredFile]) -> str:
    """The case sheet (diarieblad): the case's register entries, its meetings and history."""
    case = sub.case
    lines = [
        f"Diarieblad för ärende {case.identifier}",
        f"Ärendemening: {case.title}",
        f"Ärendetyp: {case.case_type}",
        f"Ansvarigt organ: {case.organisation}" + (f", {case.unit}" if case.unit else ""),
        f"Registrerat: {case.registered_on.isoformat()}",
        f"Avslutat: {case.closed_on.isoformat()}"
        + (f" genom {case.closing_decision}" if case.closing_decision else ""),
    ]
    if case.classification is not None:
        lines.append(f"Process: {case.classification.code} {case.classification.name}")
    if case.restriction is not None:
        lines.append(f"Sekretess: {case.restriction.provision}")
    lines += ["", "Handlingar:"]
    for doc in sorted(case.documents, key=lambda d: d.sequence):
        stored = files.get(doc.identifier)
        file = stored.path.rsplit("/", 1)[-1] if stored else "ingen fil"
        secret = f" [sekretess: {doc.restriction.provision}]" if doc.restriction else ""
        lines.append(
            f"  {doc.identifier}  {doc.date.isoformat()}  {doc.document_type}: {doc.title}"
            f"{secret}  ({file})"
        )
        if doc.disposed_note:
            lines.append(f"      {doc.disposed_note}")
    if not case.documents:
        lines.append("  (inga handlingar)")
    for meeting in case.meetings:
        lines += ["", f"Sammanträde: {meeting.organisation} {meeting.date.isoformat()}"]
        for paragraph in meeting.paragraphs:
            lines.append(f"  § {paragraph.number} {paragraph.title}")
    if case.history:
        lines += ["", "Händelser:"]
        lines += [f"  {when.isoformat(timespec='minutes')}  {what}" for when, what in case.history]
    return clean("\n".join(lines) + "\n")
