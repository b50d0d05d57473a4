"""Core models: the user account and the audit log."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class User(AbstractUser):
    """A login. What it may do comes from its roles (see kansli.core.roles)."""

    class Meta:
        verbose_name = "användare"
        verbose_name_plural = "användare"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class AuditEntry(models.Model):
    """One write: who did what to which object, when, and a summary of the change.

    Written by the service that makes the change, in the same transaction
    (kansli.core.audit.audit_record). `scope` groups entries for one page, e.g.
    "case:42" for a case and all its documents.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="utförd av",
    )
    action = models.CharField("åtgärd", max_length=60)
    object_type = models.CharField("objekttyp", max_length=60)
    object_id = models.CharField("objekt-id", max_length=40)
    object_repr = models.CharField("objekt", max_length=300)
    scope = models.CharField("sammanhang", max_length=60, db_index=True, blank=True)
    summary = models.TextField("sammanfattning")
    changes = models.JSONField("ändringar", default=dict, blank=True)
    created_at = models.DateTimeField("tid", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "händelse i loggen"
        verbose_name_plural = "logg"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class ChangeCounter(models.Model):
    """One row counting committed writes: the public page cache's version
    (kansli.publishing.cache). Bumped after each transaction that wrote audit rows commits,
    so a page cached before a commit is never served after it."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "ändringsräknare"

    def __str__(self) -> str:
        return f"{self.value} ändringar"


# The login's security models live beside their code; importing them here makes them
# models of the core app.

from .leases.models import TaskWorker  # noqa: E402
from .security.models import (  # noqa: E402
    LoginFailure,
    LoginLockout,
    RecoveryCode,
    TotpDevice,
)

__all__ = [
    "AuditEntry",
    "ChangeCounter",
    "LoginFailure",
    "LoginLockout",
    "RecoveryCode",
    "TaskWorker",
    "TotpDevice",
    "User",
]
