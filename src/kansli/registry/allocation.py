"""Allocation of running numbers: never the same case number twice."""

from django.db import transaction

from .models import Case, CaseNumberCounter, Series


def allocate_sequence(*, series: Series, year: int, per_series: bool) -> int:
    """The next free running number for the series (or, when the Body's format has no
    series, for the whole Body) and year.

    Locks the counter row for the rest of the caller's transaction. Numbers taken by
    cases registered under an existing number (efterregistrering) are skipped.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_sequence must run inside the registering transaction")
    key = {
        "body_id": series.body_id,
        "series_code": series.code if per_series else "",
        "year": year,
    }
    CaseNumberCounter.objects.bulk_create(
        [CaseNumberCounter(**key, last_number=0)], ignore_conflicts=True
    )
    counter = CaseNumberCounter.objects.select_for_update().get(**key)
    candidate = counter.last_number + 1
    taken_cases = Case.objects.filter(body_id=series.body_id, year=year, sequence__gte=candidate)
    if per_series:
        taken_cases = taken_cases.filter(series=series)
    taken = set(taken_cases.values_list("sequence", flat=True))
    while candidate in taken:
        candidate += 1
    counter.last_number = candidate
    counter.save(update_fields=["last_number"])
    return candidate
