"""What every people service shares: who may write, and the changes for the audit row."""

import datetime
from typing import Any

from kansli.core.models import User
from kansli.core.permissions import require

from ..permissions import MANAGE_PEOPLE


def require_manager(actor: User | None) -> None:
    """Secretaries and administrators change the organisation. `actor=None` is the system
    itself (the demo loader, the importer's own bookkeeping, tests building state)."""
    if actor is not None:
        require(actor, MANAGE_PEOPLE)


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[str | None]]:
    """The fields that changed, as [before, after] text for the audit log."""
    return {
        field: [_text(before[field]), _text(after[field])]
        for field in before
        if before[field] != after[field]
    }


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
