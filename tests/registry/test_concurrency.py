"""Case-number allocation under concurrency: never the same number twice (PostgreSQL)."""

import datetime
import threading
from collections import Counter

import pytest
from django.db import close_old_connections, connection

from kansli.registry import services
from kansli.registry.models import Case, CaseNumberCounter

THREADS = 16
PER_THREAD = 4
TODAY = datetime.date(2020, 8, 26)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_allocations_never_repeat_a_number(registrar, body, series):
    if connection.vendor != "postgresql":
        pytest.skip("row locks under concurrency are proven on PostgreSQL")
    barrier = threading.Barrier(THREADS)
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            for round_ in range(PER_THREAD):
                case = services.case_register(
                    actor=registrar,
                    body=body,
                    series=series,
                    title=f"Samtidig registrering {index}.{round_}",
                    today=TODAY,
                )
                with lock:
                    numbers.append(case.number)
        except BaseException as error:
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    total = THREADS * PER_THREAD
    duplicates = [n for n, count in Counter(numbers).items() if count > 1]
    print(
        f"\nconcurrency: {len(numbers)} allocations by {THREADS} threads, "
        f"{len(duplicates)} duplicates"
    )
    assert len(numbers) == total
    assert duplicates == []
    assert sorted(Case.objects.values_list("sequence", flat=True)) == list(range(1, total + 1))
    assert (
        CaseNumberCounter.objects.get(body=body, series_code="RS", year=2020).last_number == total
    )
