"""Where the adjusted minutes stand in the registry: how many of their acts (the minutes, the
paragraphs' extracts) are not registered yet, and why the last registration failed, if it
did. Read by the minutes page, which offers to run the registration again."""

from dataclasses import dataclass

from kansli.core.models import AuditEntry

from .models import Minutes


@dataclass(frozen=True)
class RecordState:
    pending: int  # acts adjusted but not registered
    failure: str  # the last failure's message when no run was asked for after it, else ""


def record_state(minutes: Minutes) -> RecordState:
    pending = int(minutes.is_locked and minutes.adjusted_on is not None and not minutes.document_id)
    pending += (
        minutes.paragraphs.filter(
            withdrawn=False, case__isnull=False, extract_document__isnull=True
        )
        .exclude(minutes__adjusted_on__isnull=True, immediately_adjusted_on__isnull=True)
        .count()
    )
    rows = AuditEntry.objects.filter(
        object_type="minutes.minutes",
        object_id=str(minutes.pk),
        action__in=["minutes_record_failed", "minutes_record_retry"],
    ).order_by("-created_at", "-pk")
    last = rows.first()
    failure = last.summary if last is not None and last.action == "minutes_record_failed" else ""
    return RecordState(pending, failure if pending else "")
