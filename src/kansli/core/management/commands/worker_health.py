"""`python -m kansli worker_health`: exits 0 when a background worker has shown a heartbeat
within the last N seconds, 1 otherwise (for a systemd timer or a monitoring system)."""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kansli.core.formatting import counted
from kansli.core.models import TaskWorker


class Command(BaseCommand):
    help = "Kontrollerar att en bakgrundsarbetare lever (hjärtslag inom --max-age sekunder)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--max-age",
            type=float,
            default=None,
            help="Längsta tillåtna tid sedan senaste hjärtslag, i sekunder "
            "(standard KANSLI_TASK_LEASE_SECONDS).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        max_age = options["max_age"]
        if max_age is None:
            max_age = float(settings.KANSLI_TASK_LEASE_SECONDS)
        if max_age <= 0:
            raise CommandError("--max-age måste vara större än 0.")
        now = timezone.now()
        alive = TaskWorker.objects.filter(seen_at__gte=now - datetime.timedelta(seconds=max_age))
        waiting = counted(
            DBTaskResult.objects.filter(status=TaskResultStatus.READY).count(),
            "uppgift väntar",
            "uppgifter väntar",
        )
        if not alive.exists():
            raise CommandError(
                f"Ingen bakgrundsarbetare har hörts av på {max_age:g} sekunder "
                f"({waiting}). Starta `python -m kansli db_worker`."
            )
        for worker in alive.order_by("worker_id"):
            age = (now - worker.seen_at).total_seconds()
            doing = f"kör uppgift {worker.task_id}" if worker.task_id else "väntar på uppgifter"
            self.stdout.write(
                f"Arbetare {worker.worker_id} på {worker.hostname} (pid {worker.pid}): "
                f"hördes av för {age:.0f} s sedan, {doing}."
            )
        self.stdout.write(f"I kön: {waiting}.")
