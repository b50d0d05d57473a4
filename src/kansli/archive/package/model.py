"""What an archive package holds, as plain data (no Django).

`kansli.archive.gather` builds these from the registry, the meetings and the minutes;
`writer` turns one `Submission` into one E-ARK SIP (one closed case per package, as
Riksarkivet's FGS Ärendehantering counts a case as one aggregation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

_Date = date  # the type, for annotations in classes that have a field named `date`


@dataclass(frozen=True)
class Agent:
    """A person or organisation with its role in the case or document.

    role is one of: "archivist"-style roles of ERMS `agent/@agentType`
    (e.g. "creator", "responsible_person", "sender", "receiver", "counterpart",
    "organisation", "submitting_organisation"); the writer maps them to ERMS values."""

    name: str
    role: str
    organisation: str = ""


@dataclass(frozen=True)
class Restriction:
    """Secrecy under OSL: the provision (e.g. "OSL 21 kap. 1 §"), the day it was marked and
    by whom."""

    provision: str
    marked_on: date | None = None
    authority: str = ""


@dataclass(frozen=True)
class Classification:
    """The process the case belongs to in the body's classification structure (KLASSA style):
    code "2.3.1", name "Hantera motioner", and the path of names above it."""

    code: str
    name: str
    path: tuple[str, ...] = ()


@dataclass(frozen=True)
class Retention:
    """What the body's informationshanteringsplan says: keep for ever, or dispose after
    `years` (None with `on_inactuality` for "vid inaktualitet"), and on which legal basis."""

    keep: bool
    years: int | None = None
    on_inactuality: bool = False
    legal_basis: str = ""


@dataclass(frozen=True)
class ArchiveFile:
    """A file to put into the package.

    source: where its bytes are now; name: its file name inside the package (unique per
    case, safe: [A-Za-z0-9._-]); sha256/size: as registered — the writer checks the bytes
    against them and refuses a mismatch; pdfa: the PDF/A level the file was checked to claim
    ("PDF/A-2b") or "" when it is not PDF/A (then `format_note` says why)."""

    source: Path
    name: str
    mime_type: str
    size: int
    sha256: str
    pdfa: str = ""
    format_note: str = ""


@dataclass(frozen=True)
class ArchiveDocument:
    """A registered document (handling), identified "<case number>-<sequence>"."""

    identifier: str
    sequence: int
    title: str
    direction: str  # "incoming" | "outgoing" | "internal" (ERMS record/direction)
    document_type: str  # e.g. "Protokoll", "Protokollsutdrag", "Tjänsteskrivelse"
    date: date
    registered_at: datetime
    agents: tuple[Agent, ...] = ()
    restriction: Restriction | None = None
    retention: Retention | None = None
    file: ArchiveFile | None = None
    disposed_note: str = ""  # the file was disposed of (gallrad): what, when, by which decision
    relations: tuple[str, ...] = ()  # identifiers of related documents or cases


@dataclass(frozen=True)
class ArchiveParagraph:
    """A paragraph of minutes: its §, title, the decision's clauses and the case it decided."""

    number: int
    title: str
    decision: str
    case_identifier: str = ""


@dataclass(frozen=True)
class ArchiveMeeting:
    """A meeting held in the case (the meeting's own case holds its notice, book and minutes),
    or the meeting that decided the case."""

    organisation: str
    date: date
    place: str
    minutes_adjusted_on: _Date | None  # `date` is the field above here, not the type
    paragraphs: tuple[ArchiveParagraph, ...] = ()
    minutes_document: str = ""  # identifier of the minutes' document in a case


@dataclass(frozen=True)
class ArchiveCase:
    """A closed case (ärende) with everything registered in it."""

    identifier: str  # the case number, e.g. "RS 2020-1234"
    title: str
    case_type: str
    registered_on: date
    closed_on: date
    closing_decision: str
    organisation: str  # the body's organ responsible, e.g. "Regionstyrelsen"
    unit: str
    agents: tuple[Agent, ...] = ()
    restriction: Restriction | None = None
    classification: Classification | None = None
    documents: tuple[ArchiveDocument, ...] = ()
    meetings: tuple[ArchiveMeeting, ...] = ()
    history: tuple[tuple[datetime, str], ...] = ()  # (when, what) from the case's audit rows
    relations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Submission:
    """One package: who hands it over, and the case it holds.

    package_id: the OBJID and the package's folder name (stable for the same case, so an
    export can be resumed); label: a human title."""

    package_id: str
    label: str
    archival_creator: str  # the body (arkivbildare), e.g. "Region Exempel"
    archival_creator_id: str  # its identifier, e.g. an organisation number, or ""
    submitter: str  # the software and version, e.g. "Kansli 0.9"
    created: datetime
    case: ArchiveCase
    classification_scheme: str = ""  # name of the body's classification structure
    extra: dict[str, str] = field(default_factory=dict)
