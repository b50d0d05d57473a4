"""Tasks survive their worker (decision 0013): a real worker process is killed in the middle
of a task, and the next worker finishes the work; a task whose worker dies every time is
failed with a Swedish message, and the book can be ordered again."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from kansli.core.leases.sweep import WORKER_LOST_CLASS
from kansli.meetings import services as meetings
from kansli.meetings.book.services import meeting_book_request
from kansli.meetings.models import BookEdition, BookStatus, MeetingBook
from kansli.publishing.models import Publication
from kansli.registry.models import DocumentKind
from kansli.registry.services import case_register, document_register

from ..registry.helpers import pdf_bytes
from .worker_process import WorkerProcess, health, kansli_env, wait_until

# real_clock: the worker processes keep the real clock, and their leases and heartbeats are
# compared with this process's clock (worker_health, the sweep).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.shared_database,
    pytest.mark.real_clock,
]

D = datetime.date


@pytest.fixture
def workers():
    started: list[WorkerProcess] = []
    yield started
    for worker in started:  # never leave a process working in the next test's database
        worker.stop()


def start(workers, tmp_path, name, **options) -> WorkerProcess:
    worker = WorkerProcess(tmp_path, name, **options).start()
    workers.append(worker)
    return worker


def task_of(path_end: str) -> DBTaskResult:
    return DBTaskResult.objects.get(task_path__endswith=path_end)


def book_status(book: MeetingBook) -> str:
    return MeetingBook.objects.get(pk=book.pk).status


@pytest.fixture
def meeting(secretary, board, series):
    meeting = meetings.meeting_create(
        actor=secretary,
        organization=board,
        date=D(2020, 8, 26),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        place="Regionens hus",
        absence_contact="Nämndsekreteraren",
    )
    meetings.agenda_item_add(actor=secretary, meeting=meeting, title="Information om läget")
    return meeting


def test_a_book_whose_worker_is_killed_is_finished_by_the_next_worker(
    meeting, secretary, workers, tmp_path
):
    book, queued = meeting_book_request(
        actor=secretary, meeting=meeting, edition=BookEdition.MEMBERS
    )
    assert queued
    first = start(workers, tmp_path, "forsta", pause=60)
    wait_until(lambda: book_status(book) == BookStatus.RUNNING, "the build starts", workers)
    call_command("worker_health", stdout=(out := io.StringIO()))  # a worker is alive
    assert "Arbetare forsta" in out.getvalue() and "kör uppgift" in out.getvalue()
    first.kill()
    # The state the probe found: the book and its task left running, the order refused.
    assert task_of("meeting_book_build").status == TaskResultStatus.RUNNING
    same, queued = meeting_book_request(
        actor=secretary, meeting=meeting, edition=BookEdition.MEMBERS
    )
    assert not queued and same.pk == book.pk

    second = start(workers, tmp_path, "andra")
    wait_until(lambda: book_status(book) == BookStatus.DONE, "the book is finished", workers)
    book.refresh_from_db()
    assert book.progress == 100 and book.pages and book.document is not None
    with book.document.file.open("rb") as handle:
        assert len(PdfReader(io.BytesIO(handle.read())).pages) == book.pages
    task = task_of("meeting_book_build")
    wait_until(
        lambda: task_of("meeting_book_build").status == TaskResultStatus.SUCCESSFUL,
        "the task is successful",
        workers,
    )
    assert task.worker_ids == ["forsta", "andra"]
    second.stop()  # signs off
    with pytest.raises(CommandError, match="Ingen bakgrundsarbetare har hörts av"):
        call_command("worker_health")


def test_an_inspection_whose_worker_is_killed_is_finished_by_the_next_worker(
    registrar, body, series, workers, tmp_path
):
    case = case_register(
        actor=registrar, body=body, series=series, title="Skrivelse", today=D(2020, 8, 26)
    )
    document = document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=D(2020, 8, 26),
        description="Skrivelse från en invånare",
        file=io.BytesIO(pdf_bytes("Ring mig på 070-123 45 67.")),
        file_name="skrivelse.pdf",
        today=D(2020, 8, 26),
    )
    first = start(workers, tmp_path, "forsta", pause=60)
    wait_until(
        lambda: task_of("document_inspect").status == TaskResultStatus.RUNNING,
        "the inspection starts",
        workers,
    )
    first.kill()
    assert not Publication.objects.filter(document=document).exists()

    start(workers, tmp_path, "andra")
    wait_until(
        lambda: task_of("document_inspect").status == TaskResultStatus.SUCCESSFUL,
        "the inspection is finished",
        workers,
    )
    publication = Publication.objects.get(document=document)
    assert publication.has_text and not publication.is_approved  # waits in the review queue
    assert publication.findings.filter(kind="telefonnummer").exists()


def test_a_book_whose_worker_dies_every_time_fails_and_can_be_ordered_again(
    meeting, secretary, workers, tmp_path, client
):
    book, _ = meeting_book_request(actor=secretary, meeting=meeting, edition=BookEdition.PUBLIC)
    for attempt, name in enumerate(["forsta", "andra"], start=1):
        worker = start(workers, tmp_path, name, pause=60, retries=1)
        wait_until(
            lambda: (
                len(task_of("meeting_book_build").worker_ids) == attempt  # noqa: B023
                and book_status(book) == BookStatus.RUNNING
            ),
            f"run {attempt} starts",
            workers,
        )
        worker.kill()
    third = start(workers, tmp_path, "tredje", pause=60, retries=1)
    wait_until(lambda: book_status(book) == BookStatus.FAILED, "the book fails", workers)
    third.stop()  # so that the book ordered below stays in the queue
    book.refresh_from_db()
    assert book.error == (
        "Kallelsen kunde inte skapas. Bakgrundsarbetaren stannade 2 gånger medan arbetet "
        "pågick. Beställ kallelsen igen."
    )
    task = task_of("meeting_book_build")
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == WORKER_LOST_CLASS
    client.force_login(secretary)
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert "Bakgrundsarbetaren stannade 2 gånger" in page.content.decode()
    ordered = client.post(
        reverse("meetings:book_request", args=[meeting.pk]),
        {"edition": BookEdition.PUBLIC},
        follow=True,
    )
    assert "håller redan på" not in ordered.content.decode()
    again = MeetingBook.objects.exclude(pk=book.pk).get()
    assert again.status == BookStatus.QUEUED and again.requested_by == secretary


def test_health_check_exit_codes_on_the_command_line(meeting, secretary):
    """No worker: exit code 1 and a Swedish message on stderr (for a systemd timer)."""
    meeting_book_request(actor=secretary, meeting=meeting, edition=BookEdition.PUBLIC)
    result = health(kansli_env())
    assert result.returncode == 1
    assert "Ingen bakgrundsarbetare har hörts av på 2 sekunder (1 uppgift väntar)" in (
        result.stderr
    )
