"""On SQLite the web stays writable while the worker works: a real worker process reads
and searches a large file (seconds of work), and a registrar registering cases through
the pages meanwhile is never refused with "database is locked" (the probe's memo saves
failed after 30 s while an inspection held the write lock)."""

import datetime
import io
import zipfile

import pytest
from django.db import connection
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kansli.publishing.models import Publication, ReviewStatus
from kansli.registry.models import Case, DocumentKind
from kansli.registry.services import case_register, document_register

from ..core.worker_process import WorkerProcess, wait_until

# real_clock: the worker process keeps the real clock and takes its task and lease by it.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.shared_database,
    pytest.mark.real_clock,
]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def long_letter(paragraphs: int) -> bytes:
    """A letter of many paragraphs, each with a made-up phone number and e-mail address."""
    body = "".join(
        f"<w:p><w:r><w:t>Punkt {n}: ring 070-{100 + n % 900:03d} {n % 100:02d} 12 eller "
        f"skriv till person{n}@exempel.se om ansökan nummer {n}.</w:t></w:r></w:p>"
        for n in range(paragraphs)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body>")
    return buffer.getvalue()


def inspection() -> str:
    return DBTaskResult.objects.get(task_path__endswith="document_inspect").status


def test_cases_are_registered_while_the_worker_reads_a_large_file(
    client, registrar, body, series, tmp_path
):
    case = case_register(
        actor=registrar, body=body, series=series, title="Skrivelser", today=datetime.date.today()
    )
    document = document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=datetime.date.today(),
        description="Lång skrivelse",
        file=io.BytesIO(long_letter(25_000)),
        file_name="skrivelse.docx",
    )
    client.force_login(registrar)
    if connection.vendor == "sqlite":
        # A person waits a moment for a save, not the 30 s the connection would wait for the
        # lock: longer than any short write of the worker, shorter than reading the file.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 1000")
    worker = WorkerProcess(tmp_path, "arbetare").start()
    try:
        wait_until(lambda: inspection() == TaskResultStatus.RUNNING, "it starts", [worker])
        saved_while_running = 0
        number = 0
        while inspection() == TaskResultStatus.RUNNING:
            number += 1
            response = client.post(
                reverse("registry:case_register"),
                {"series": series.pk, "title": f"Ansökan {number}", "case_type": "allmant"},
            )
            assert response.status_code == 302, response.content.decode()[:500]
            assert Case.objects.filter(title=f"Ansökan {number}").exists()
            saved_while_running += inspection() == TaskResultStatus.RUNNING
        wait_until(lambda: inspection() == TaskResultStatus.SUCCESSFUL, "it is finished", [worker])
    finally:
        worker.stop()
    assert saved_while_running >= 3
    publication = Publication.objects.get(document=document)
    assert publication.status == ReviewStatus.WAITING
    assert publication.findings.count() > 100
