"""An import job: uploaded files read by the worker into a preview, then imported by it."""

import uuid

from django.conf import settings
from django.db import models

from kansli.people.models import Body


class JobStage(models.TextChoices):
    PREVIEW = "granskning", "Granskning"
    IMPORT = "import", "Import"


class JobState(models.TextChoices):
    WAITING = "vantar", "Väntar"
    RUNNING = "pagar", "Pågår"
    DONE = "klar", "Klar"
    FAILED = "misslyckades", "Misslyckades"


class ImportJob(models.Model):
    """Files uploaded for import. The upload only stores them (in KANSLI_IMPORT_DIR, under
    `token`); the worker reads them into `preview` (stage granskning), and after the user's
    confirmation imports them (stage import), each with its progress. Seen only by the user
    who uploaded the files."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="uppladdad av",
    )
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="+", verbose_name="huvudman"
    )
    token = models.CharField("uppladdningens nyckel", max_length=64, blank=True)
    encoding = models.CharField("teckenkodning", max_length=20, blank=True)
    file_names = models.JSONField("filer", default=list)
    size = models.PositiveBigIntegerField("storlek (byte)", default=0)
    stage = models.CharField(
        "steg", max_length=12, choices=JobStage.choices, default=JobStage.PREVIEW
    )
    state = models.CharField(
        "tillstånd", max_length=12, choices=JobState.choices, default=JobState.WAITING
    )
    done = models.PositiveIntegerField("klart", default=0)
    total = models.PositiveIntegerField("totalt", default=0)
    step = models.CharField("pågår", max_length=300, blank=True)
    has_errors = models.BooleanField("har fel", default=False)
    preview = models.JSONField("granskningen", null=True, blank=True)
    outcome = models.JSONField("importens resultat", null=True, blank=True)
    error = models.TextField("fel", blank=True)
    created_at = models.DateTimeField("uppladdad", auto_now_add=True)
    finished_at = models.DateTimeField("klar", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "import"
        verbose_name_plural = "importer"

    def __str__(self) -> str:
        return f"Import {self.created_at:%Y-%m-%d %H:%M} ({', '.join(self.file_names)[:80]})"

    @property
    def is_working(self) -> bool:
        return self.state in (JobState.WAITING, JobState.RUNNING)

    @property
    def percent(self) -> int:
        if self.state == JobState.DONE:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0

    @property
    def can_confirm(self) -> bool:
        return (
            self.stage == JobStage.PREVIEW
            and self.state == JobState.DONE
            and not self.has_errors
            and bool(self.token)
        )
