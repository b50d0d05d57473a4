"""django-tasks-db's worker with a heartbeat (the lease of the task it runs) and the sweep."""

import logging
import os
import socket
import threading
import time
import uuid
from typing import Any

from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .models import TaskWorker
from .sweep import lease_duration, settle, sweep

logger = logging.getLogger(__name__)


class LeasedWorker(Worker):
    """Registers itself (TaskWorker), renews its heartbeat every third of the lease from a
    thread of its own, and sweeps expired leases at start and once per lease period. In
    --batch mode (tests, one-off runs) there is no thread: it beats around each task."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.current_task: uuid.UUID | None = None
        self._stopped = threading.Event()

    def run(self) -> None:
        self.beat()
        self._sweep_logged()
        heart = None
        if not self.batch:
            heart = threading.Thread(target=self._heartbeat, name="kansli-heartbeat", daemon=True)
            heart.start()
        try:
            super().run()
        finally:
            self._stopped.set()
            if heart is not None:
                heart.join(timeout=5)
            try:
                TaskWorker.objects.filter(worker_id=self.worker_id).delete()
            except Exception:
                logger.exception("worker %s could not sign off", self.worker_id)

    def run_task(self, db_task_result: "DBTaskResult[..., Any]") -> None:
        self.current_task = db_task_result.pk
        self._beat_logged()  # the lease holds from the start of the task
        try:
            super().run_task(db_task_result)
        finally:
            self.current_task = None
        settle(db_task_result)
        self._beat_logged()

    def beat(self) -> None:
        """Renew the heartbeat; register again if a sweep took this worker for dead."""
        now = timezone.now()
        renewed = TaskWorker.objects.filter(worker_id=self.worker_id).update(
            seen_at=now, task_id=self.current_task
        )
        if not renewed:
            TaskWorker.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={
                    "hostname": socket.gethostname()[:255],
                    "pid": os.getpid(),
                    "started_at": now,
                    "seen_at": now,
                    "task_id": self.current_task,
                },
            )

    def _beat_logged(self) -> None:
        try:
            self.beat()
        except Exception:
            # Deliberately broad: a missed beat (database briefly away) must not fail a task;
            # the next beat renews the lease.
            logger.exception("worker %s: heartbeat failed", self.worker_id)

    def _sweep_logged(self) -> None:
        try:
            sweep()
        except Exception:
            # Deliberately broad: the next sweep (a lease period later) tries again.
            logger.exception("worker %s: sweep failed", self.worker_id)

    def _heartbeat(self) -> None:
        period = lease_duration().total_seconds()
        next_sweep = time.monotonic() + period
        try:
            while not self._stopped.wait(period / 3):
                self._beat_logged()
                if time.monotonic() >= next_sweep:
                    next_sweep = time.monotonic() + period
                    self._sweep_logged()
        finally:
            connection.close()  # this thread's own connection
