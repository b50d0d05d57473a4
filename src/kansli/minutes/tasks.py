"""Background tasks of the minutes."""

from django.db import transaction
from django_tasks import task

from kansli.core.audit import audit_record
from kansli.core.leases.failure import on_failure

from .models import Minutes


@task()
def minutes_record(minutes_id: int) -> int:
    """After an adjustment: register the adjusted minutes and the paragraphs' extracts
    (services/record.py). Returns how many documents were registered."""
    from .services.record import minutes_record_run

    return len(minutes_record_run(minutes_id))


@on_failure(minutes_record)
def minutes_record_failed(minutes_id: int, *, message: str) -> None:
    """The registration failed for good: the meeting's history says so."""
    minutes = Minutes.objects.select_related("meeting").filter(pk=minutes_id).first()
    if minutes is None:
        return
    with transaction.atomic():
        audit_record(
            actor=None,
            action="minutes_record_failed",
            obj=minutes,
            scope=f"meeting:{minutes.meeting_id}",
            summary="Det justerade protokollet och utdragen kunde inte registreras i diariet. "
            f"{message}",
        )
