"""Corrections of adjusted minutes: a new document linked to them, never an edit."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.models import User

from ..models import Correction, Minutes, Paragraph
from ._guard import require_secretary


@transaction.atomic
def correction_create(
    *, actor: User | None, minutes: Minutes, text: str, paragraph: Paragraph | None = None
) -> Correction:
    require_secretary(actor)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    text = text.strip()
    if not minutes.is_locked:
        raise ValidationError("Protokollet är inte justerat; ändra det direkt i stället.")
    if not text:
        raise ValidationError({"text": "Skriv vad som rättas."})
    if len(text) > 20_000:
        raise ValidationError({"text": "Rättelsen får vara högst 20 000 tecken."})
    if paragraph is not None and paragraph.minutes_id != minutes.pk:
        raise ValidationError({"paragraph": "Paragrafen hör till ett annat protokoll."})
    correction = Correction(
        minutes=minutes,
        paragraph=paragraph,
        text=text,
        created_at=timezone.now(),
        created_by=actor if actor is not None and actor.pk else None,
    )
    correction.full_clean()
    correction.save()
    audit_record(
        actor=actor,
        action="correction_create",
        obj=minutes,
        scope=f"meeting:{minutes.meeting_id}",
        summary="Rättelse till justerat protokoll"
        + (f", {paragraph.label}" if paragraph else "")
        + ".",
    )
    return correction
