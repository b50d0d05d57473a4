"""The sweep of expired task leases, in the test's own process: which running tasks are taken
up, which are left to their live worker, and what failing for good tells the user."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kansli.core.leases.sweep import WORKER_LOST_CLASS, sweep
from kansli.core.models import AuditEntry, TaskWorker
from kansli.publishing.models import Publication
from kansli.registry.models import DocumentKind
from kansli.registry.services import case_register, document_register
from kansli.registry.tasks import document_inspect

from ..registry.helpers import pdf_bytes
from . import lease_tasks

D = datetime.date
LONG_AGO = timezone.now() - datetime.timedelta(hours=1)


@pytest.fixture
def document(registrar, body, series):
    case = case_register(
        actor=registrar, body=body, series=series, title="Skrivelse", today=D(2020, 8, 26)
    )
    return document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=D(2020, 8, 26),
        description="Skrivelse från en invånare",
        file=io.BytesIO(pdf_bytes("Ett brev.")),
        file_name="skrivelse.pdf",
        today=D(2020, 8, 26),
    )


def running(document, *workers: str) -> DBTaskResult:
    """The document's inspection, claimed by each of `workers` in turn (the last one holds
    it), started an hour ago."""
    row = DBTaskResult.objects.get(pk=document_inspect.enqueue(document.pk).id)
    for worker in workers:
        row.claim(worker)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=LONG_AGO)
    return row


def test_a_task_of_a_dead_worker_is_run_again(document, settings):
    settings.KANSLI_TASK_RETRIES = 2
    row = running(document, "dod-1", "dod-2")
    TaskWorker.objects.create(
        worker_id="dod-2", pid=1, started_at=LONG_AGO, seen_at=LONG_AGO, task_id=row.pk
    )
    result = sweep()
    assert result.requeued == [row.pk] and not result.failed
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.READY
    assert not TaskWorker.objects.exists()  # the dead worker's heartbeat is cleared


def test_a_task_whose_worker_lives_is_left_alone(document):
    row = running(document, "levande")
    now = timezone.now()
    TaskWorker.objects.create(
        worker_id="levande", pid=1, started_at=LONG_AGO, seen_at=now, task_id=row.pk
    )
    assert sweep() == type(sweep())()  # nothing taken up
    assert DBTaskResult.objects.get(pk=row.pk).status == TaskResultStatus.RUNNING


def test_after_the_last_retry_the_inspection_fails_into_the_review_queue(document, settings):
    settings.KANSLI_TASK_RETRIES = 2
    row = running(document, "dod-1", "dod-2", "dod-3")
    assert sweep().failed == [row.pk]
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == WORKER_LOST_CLASS
    publication = Publication.objects.get(document=document)
    assert not publication.has_text and not publication.is_approved  # a person must look
    entry = AuditEntry.objects.get(action="document_inspect_failed")
    assert entry.scope == f"case:{document.case_id}"  # shown in the case's history
    assert entry.summary == (
        f"Granskningen av filen i {document.number} avbröts. Bakgrundsarbetaren stannade "
        "3 gånger medan arbetet pågick. En person behöver granska filen innan handlingen "
        "publiceras."
    )
    assert sweep().failed == []  # once


@pytest.fixture
def heard():
    lease_tasks.HEARD.clear()
    return lease_tasks.HEARD


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_a_task_that_raises_fails_at_once_and_its_app_hears_it(transactional_db, heard):
    result = lease_tasks.raises.enqueue(7)
    work()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.FAILED and len(row.worker_ids) == 1
    assert heard == [(7, "Ett internt fel inträffade i bakgrundsarbetet.")]


def test_an_interrupted_task_runs_again_up_to_the_retry_limit(transactional_db, heard, settings):
    settings.KANSLI_TASK_RETRIES = 2
    result = lease_tasks.interrupted.enqueue(8)
    work()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.FAILED and len(row.worker_ids) == 3
    assert row.exception_class_path == WORKER_LOST_CLASS
    assert heard == [(8, "Bakgrundsarbetaren stannade 3 gånger medan arbetet pågick.")]
