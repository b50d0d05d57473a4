"""The audit log: every service writes one row, in the same transaction as its change."""

from typing import Any

from django.db import models, transaction

from .models import AuditEntry, User


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    summary: str,
    scope: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record one write. Must be called inside the service's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the service's transaction")
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        scope=scope,
        summary=summary,
        changes=changes or {},
    )
