"""The permission and audit scope shared by the Finsam services."""

from kansli.core.models import User
from kansli.core.permissions import require

from ..models import Federation
from ..permissions import MANAGE_FINSAM

MAX_AMOUNT = 10**12  # kronor; far above any federation's budget, below any overflow


def require_finsam(actor: User | None) -> None:
    if actor is not None:
        require(actor, MANAGE_FINSAM)


def scope_of(federation: Federation) -> str:
    return f"federation:{federation.pk}"
