"""The package's texts for a human: its description and the case sheet (diarieblad)."""

from __future__ import annotations

from .layout import DATA_DIR, ERMS_PATH, PREMIS_PATH, StoredFile, timestamp
from .model import (
    Submission,
)
from .xml import (
    clean,
)


def documentation_text(sub: Submission, files: dict[str, StoredFile]) -> str:
    case = sub.case
    lines = [
        f"Arkivpaket {sub.package_id}: {sub.label}",
        "",
        f"Arkivbildare: {sub.archival_creator}"
        + (f" ({sub.archival_creator_id})" if sub.archival_creator_id else ""),
        f"Skapat: {timestamp(sub.created)} av {sub.submitter}",
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


def case_sheet_text(sub: Submission, files: dict[str, StoredFile]) -> str:
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
