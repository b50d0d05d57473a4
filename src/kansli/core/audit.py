"""The audit log: every service writes one row, in the same transaction as its change."""

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import F

from .models import AuditEntry, ChangeCounter, User


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    summary: str,
    scope: str = "",
    changes: dict[str, Any] | None = None,
    also_in: Iterable[str] = (),
) -> AuditEntry:
    """Record one write. Must be called inside the service's transaction. `also_in` names
    further histories the same write belongs to (a dispatch is in its meeting's history and
    in its case's): the row is repeated under each of those scopes."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the service's transaction")
    transaction.on_commit(_count_change)
    fields = {
        "actor": actor if actor is not None and actor.pk else None,
        "action": action,
        "object_type": obj._meta.label_lower,
        "object_id": str(obj.pk),
        "object_repr": str(obj)[:300],
        "summary": summary,
        "changes": changes or {},
    }
    entry = AuditEntry.objects.create(scope=scope, **fields)
    for other in dict.fromkeys(also_in):
        if other and other != scope:
            AuditEntry.objects.create(scope=other, **fields)
    return entry


def _count_change() -> None:
    """After a transaction with audit rows has committed: one more committed change."""
    updated = ChangeCounter.objects.filter(pk=1).update(value=F("value") + 1)
    if not updated:  # the migration creates the row; a database without it gets it here
        ChangeCounter.objects.get_or_create(pk=1, defaults={"value": 1})


def committed_changes() -> int:
    """How many transactions with audit rows have committed (the public cache's version)."""
    return ChangeCounter.objects.filter(pk=1).values_list("value", flat=True).first() or 0
