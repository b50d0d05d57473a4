"""What every part of a package shares: its paths and vocabulary, the error a writer
raises, a written file, timestamps and identifiers."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from .xml import (
    SCHEMAS,
    clean,
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


def timestamp(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return f"{value.isoformat()}T00:00:00"


def software_of(submitter: str) -> tuple[str, str]:
    """ "Kansli 0.9" → ("Kansli", "0.9"); a submitter without a version keeps its whole name."""
    name, _, version = clean(submitter).strip().rpartition(" ")
    if name and any(ch.isdigit() for ch in version):
        return name, version
    return clean(submitter).strip() or "Kansli", "okänd version"


def system_id(*parts: str) -> str:
    return str(uuid.uuid5(UUID_NAMESPACE, "\x1f".join(parts)))
