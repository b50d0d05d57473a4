"""A running worker's heartbeat, which is also the lease of the task it runs."""

from django.db import models


class TaskWorker(models.Model):
    """One running background worker (`python -m kansli db_worker`).

    The worker renews `seen_at` every third of KANSLI_TASK_LEASE_SECONDS while it lives, and
    `task_id` names the task it is running. A running task is leased as long as its worker
    has been seen within KANSLI_TASK_LEASE_SECONDS and still names it; otherwise the worker
    died and the task is taken up again (kansli.core.leases.sweep). The health check
    (`python -m kansli worker_health`) reads the same rows."""

    worker_id = models.CharField("arbetarens id", max_length=64, unique=True)
    hostname = models.CharField("dator", max_length=255, blank=True)
    pid = models.PositiveIntegerField("process-id")
    started_at = models.DateTimeField("startad")
    seen_at = models.DateTimeField("senast sedd", db_index=True)
    task_id = models.UUIDField("pågående uppgift", null=True, blank=True)

    class Meta:
        verbose_name = "bakgrundsarbetare"
        verbose_name_plural = "bakgrundsarbetare"

    def __str__(self) -> str:
        return f"Arbetare {self.worker_id} ({self.hostname}, pid {self.pid})"
