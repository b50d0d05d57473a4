"""Checks every minutes service makes before it writes."""

from django.core.exceptions import ValidationError

from kansli.core.models import User
from kansli.core.permissions import require

from ..models import Minutes, Paragraph
from ..permissions import KEEP_MINUTES

LOCKED = (
    "Protokollet är justerat och kan inte ändras. En ändring görs som en rättelse, "
    "en ny handling som länkas till protokollet."
)
PARAGRAPH_LOCKED = "Paragrafen är justerad och kan inte ändras."


def require_secretary(actor: User | None) -> None:
    if actor is not None:
        require(actor, KEEP_MINUTES)


def require_open(minutes: Minutes) -> None:
    """Adjusted minutes are never changed by any service."""
    if Minutes.objects.filter(pk=minutes.pk, locked_at__isnull=False).exists():
        raise ValidationError(LOCKED)


def require_paragraph_open(paragraph: Paragraph) -> None:
    require_open(paragraph.minutes)
    if Paragraph.objects.filter(pk=paragraph.pk, immediately_adjusted_on__isnull=False).exists():
        raise ValidationError(PARAGRAPH_LOCKED)
    if Paragraph.objects.filter(pk=paragraph.pk, withdrawn=True).exists():
        raise ValidationError(f"{paragraph.label}: ärendet utgick och har inget beslut att föra.")
