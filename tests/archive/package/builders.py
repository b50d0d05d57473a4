"""A hand-built Submission with files on disk, for the package tests (no database)."""

from __future__ import annotations

import hashlib
import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pypdf

from kansli.archive.package.model import (
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

CET = timezone(timedelta(hours=1))
CASE = "RS 2020-12"
HOSTILE = 'Svar <script>alert("x")</script> ]]> & "citat" \x00\x07\x1b\ufffe slut'
HOSTILE_CLEAN = 'Svar <script>alert("x")</script> ]]> & "citat"  slut'


def pdf_bytes() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def archive_file(source: Path, name: str, mime: str, data: bytes, **kw: str) -> ArchiveFile:
    source.write_bytes(data)
    return ArchiveFile(
        source=source,
        name=name,
        mime_type=mime,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        **kw,
    )


def make_submission(
    src: Path, package_id: str = "RS-2020-12", title: str = "Motion om cykelvägar"
) -> Submission:
    src.mkdir(parents=True, exist_ok=True)
    minutes = archive_file(
        src / "a.pdf", "protokoll.pdf", "application/pdf", pdf_bytes(), pdfa="PDF/A-2b"
    )
    letter = archive_file(
        src / "b.txt",
        "skrivelse.txt",
        "text/plain",
        b"Hej!\nEn skrivelse.\n",
        format_note="Ren text (UTF-8), inte PDF/A.",
    )
    secret = archive_file(src / "c.txt", "yttrande.txt", "text/plain", b"Hemligt yttrande\n")
    registered = datetime(2020, 3, 2, 9, 30, tzinfo=CET)
    documents = (
        ArchiveDocument(
            identifier=f"{CASE}-1",
            sequence=1,
            title="Motion om cykelvägar",
            direction="incoming",
            document_type="Motion",
            date=date(2020, 3, 1),
            registered_at=registered,
            agents=(Agent("Anna Andersson", "sender", "Cykelpartiet"),),
            retention=Retention(keep=True, legal_basis="Informationshanteringsplan 2019"),
            file=letter,
        ),
        ArchiveDocument(
            identifier=f"{CASE}-2",
            sequence=2,
            title=HOSTILE,
            direction="outgoing",
            document_type="Yttrande",
            date=date(2020, 4, 1),
            registered_at=registered + timedelta(days=30),
            agents=(Agent("Bo Berg", "receiver"), Agent("Cecilia", "handläggare")),
            restriction=Restriction("OSL 21 kap. 1 §", date(2020, 4, 2), "Registrator"),
            file=secret,
        ),
        ArchiveDocument(
            identifier=f"{CASE}-3",
            sequence=3,
            title="Arbetsmaterial",
            direction="internal",
            document_type="Tjänsteskrivelse",
            date=date(2020, 4, 10),
            registered_at=registered + timedelta(days=40),
            retention=Retention(keep=False, years=2, legal_basis="IHP 3.1"),
            disposed_note="Gallrad 2022-05-01 enligt IHP 3.1, beslut RS 2019-4.",
        ),
        ArchiveDocument(
            identifier=f"{CASE}-4",
            sequence=4,
            title="Protokollsutdrag § 12",
            direction="internal",
            document_type="Protokollsutdrag",
            date=date(2020, 5, 5),
            registered_at=registered + timedelta(days=65),
            file=minutes,
            relations=(f"{CASE}-1",),
        ),
    )
    case = ArchiveCase(
        identifier=CASE,
        title=title,
        case_type="Motion",
        registered_on=date(2020, 3, 2),
        closed_on=date(2020, 5, 20),
        closing_decision="Motionen avslogs.",
        organisation="Regionstyrelsen",
        unit="Kansliet",
        agents=(Agent("Dana Dahl", "responsible_person"),),
        classification=Classification("2.3.1", "Hantera motioner", ("Styra", "Hantera ärenden")),
        documents=documents,
        meetings=(
            ArchiveMeeting(
                organisation="Regionstyrelsen",
                date=date(2020, 5, 5),
                place="Regionens hus",
                minutes_adjusted_on=date(2020, 5, 8),
                paragraphs=(
                    ArchiveParagraph(12, "Motion om cykelvägar", "Motionen avslås.", CASE),
                    ArchiveParagraph(13, "Övrigt", "Informationen noteras."),
                ),
                minutes_document=f"{CASE}-4",
            ),
        ),
        history=((datetime(2020, 3, 2, 9, 30, tzinfo=CET), "Ärendet registrerades."),),
        relations=("RS 2019-4",),
    )
    return Submission(
        package_id=package_id,
        label=f"Ärende {CASE}",
        archival_creator="Region Exempel",
        archival_creator_id="232100-0000",
        submitter="Kansli 0.9",
        created=datetime(2026, 3, 17, 12, 0, tzinfo=CET),
        case=case,
        classification_scheme="KLASSA 2019",
        extra={"leveransöverenskommelse": "RA 2026-1"},
    )
