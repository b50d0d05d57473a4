"""Background tasks of the minutes."""

from django_tasks import task

from kansli.core.leases.failure import on_failure


@task()
def minutes_record(minutes_id: int) -> int:
    """After an adjustment: register the adjusted minutes and the paragraphs' extracts
    (services/record.py). Returns how many documents were registered."""
    from .services.record import minutes_record_run

    return len(minutes_record_run(minutes_id))


@on_failure(minutes_record)
def minutes_record_failed(minutes_id: int, *, message: str) -> None:
    """The registration failed for good: the meeting's history says so."""
    from .services.record import minutes_record_fail

    minutes_record_fail(minutes_id=minutes_id, message=message)
