"""Allocation of running numbers within a series and year: never the same number twice."""

from django.db import transaction

from .models import Case, CaseNumberCounter, Series


def allocate_sequence(*, series: Series, year: int) -> int:
    """The next free running number for the series and year.

    Locks the counter row for the rest of the caller's transaction. Numbers taken by
    cases registered under an existing number (efterregistrering) are skipped.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_sequence must run inside the registering transaction")
    CaseNumberCounter.objects.bulk_create(
        [CaseNumberCounter(series=series, year=year, last_number=0)], ignore_conflicts=True
    )
    counter = CaseNumberCounter.objects.select_for_update().get(series=series, year=year)
    candidate = counter.last_number + 1
    taken = set(
        Case.objects.filter(series=series, year=year, sequence__gte=candidate).values_list(
            "sequence", flat=True
        )
    )
    while candidate in taken:
        candidate += 1
    counter.last_number = candidate
    counter.save(update_fields=["last_number"])
    return candidate
