"""Taking up tasks whose worker died: run them again, or fail them for good."""

import datetime
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from .failure import TASK_ERROR, handler_for, worker_lost
from .models import TaskWorker

logger = logging.getLogger(__name__)

# The "exception" of a task failed because its worker kept dying (DBTaskResult has no other
# place for a reason).
WORKER_LOST_CLASS = "kansli.core.leases.WorkerLost"
# A worker stopped by a signal in the middle of a task (the second Ctrl+C, or SIGTERM twice):
# django-tasks-db records it as the task's failure, but the task did nothing wrong.
_INTERRUPTED = {"builtins.SystemExit", "builtins.KeyboardInterrupt"}

# The rows below are of any task. DBTaskResult is generic (over the task's parameters and
# return value) only to type checkers, hence the quoted "DBTaskResult[..., Any]".


def lease_duration() -> datetime.timedelta:
    return datetime.timedelta(seconds=float(settings.KANSLI_TASK_LEASE_SECONDS))


@dataclass
class SweepResult:
    requeued: list[uuid.UUID] = field(default_factory=list)
    failed: list[uuid.UUID] = field(default_factory=list)


def sweep(*, now: datetime.datetime | None = None) -> SweepResult:
    """Take up every running task whose lease has run out: run it again when it has been
    started at most KANSLI_TASK_RETRIES times before, fail it otherwise (with the app's
    message to its user). Safe to run in several workers at once."""
    now = now or timezone.now()
    cutoff = now - lease_duration()
    result = SweepResult()
    stale = list(
        DBTaskResult.objects.running().filter(started_at__lt=cutoff).values_list("pk", flat=True)
    )
    for pk in stale:
        try:
            with exclusive_transaction(DBTaskResult.objects.db):
                row = (
                    DBTaskResult.objects.select_for_update()
                    .filter(pk=pk, status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
                    .first()
                )
                if row is None or _leased(pk, cutoff):
                    continue
                outcome = _interrupted(row)
        except Exception:
            # Deliberately broad: one task that cannot be taken up must not stop the others.
            logger.exception("task lease sweep: task %s could not be taken up", pk)
            continue
        (result.requeued if outcome == "requeued" else result.failed).append(pk)
        logger.warning("task %s (%s) lost its worker: %s", pk, row.task_path, outcome)
    TaskWorker.objects.filter(seen_at__lt=cutoff).delete()
    return result


def settle(row: "DBTaskResult[..., Any]") -> None:
    """After a worker ran a task that failed: an interrupted task is run again (or failed
    for good as a lost one); a task that raised is failed for good at once."""
    if row.status != TaskResultStatus.FAILED:
        return
    try:
        with exclusive_transaction(DBTaskResult.objects.db):
            row = DBTaskResult.objects.select_for_update().get(pk=row.pk)
            if row.status != TaskResultStatus.FAILED:
                return
            if row.exception_class_path in _INTERRUPTED:
                _interrupted(row)
            else:
                _notify(row, TASK_ERROR)
    except Exception:
        logger.exception("task %s: its failure could not be recorded", row.pk)


def _interrupted(row: "DBTaskResult[..., Any]") -> str:
    """A task whose run was cut short. Called inside a transaction holding the row."""
    attempts = len(row.worker_ids)
    if attempts <= settings.KANSLI_TASK_RETRIES:
        row.status = TaskResultStatus.READY
        row.finished_at = None
        row.exception_class_path = ""
        row.traceback = ""
        row.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
        return "requeued"
    message = worker_lost(attempts)
    row.status = TaskResultStatus.FAILED
    row.finished_at = timezone.now()
    row.exception_class_path = WORKER_LOST_CLASS
    row.traceback = message
    row.return_value = None
    row.save(
        update_fields=[
            "status",
            "finished_at",
            "exception_class_path",
            "traceback",
            "return_value",
        ]
    )
    _notify(row, message)
    return "failed"


def _notify(row: "DBTaskResult[..., Any]", message: str) -> None:
    """Tell the task's app (in its own savepoint: a broken handler is logged, and the task
    stays failed)."""
    try:
        task = row.task
    except (ImportError, SuspiciousOperation):
        return  # the task no longer exists in the code: nobody to tell
    handler = handler_for(task)
    if handler is None:
        return
    args = row.args_kwargs.get("args", [])
    kwargs = row.args_kwargs.get("kwargs", {})
    try:
        with transaction.atomic():
            handler(*args, message=message, **kwargs)
    except Exception:
        logger.exception("task %s: the failure handler of %s failed", row.pk, row.task_path)


def _leased(pk: uuid.UUID, cutoff: datetime.datetime) -> bool:
    """A live worker (seen since the cutoff) names the task as the one it runs."""
    return TaskWorker.objects.filter(task_id=pk, seen_at__gte=cutoff).exists()
