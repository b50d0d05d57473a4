"""Benchmark: registering cases (number allocation + audit row), serial and concurrent.

Run by `make bench` (bench/__main__.py) once per database in child processes; prints JSON.
"""

import datetime
import json
import os
import sys
import threading
import time
from collections import Counter

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.config.settings.test")

SERIAL = 300
THREADS = 16
PER_THREAD = 20
TODAY = datetime.date(2020, 8, 26)


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    old = setup_databases(verbosity=0, interactive=False)
    try:
        from kansli.people.services import body_create
        from kansli.registry.services import case_register, series_create

        body = body_create(actor=None, name="Bench", case_number_format="{YY}{SERIES}{N}")
        series = series_create(actor=None, body=body, code="RS", name="Bench")

        start = time.perf_counter()
        for index in range(SERIAL):
            case_register(actor=None, body=body, series=series, title=f"Serie {index}", today=TODAY)
        serial_seconds = time.perf_counter() - start

        concurrent = None
        if connection.vendor == "postgresql":
            numbers: list[str] = []
            lock = threading.Lock()
            barrier = threading.Barrier(THREADS)

            def work(index: int) -> None:
                barrier.wait()
                for round_ in range(PER_THREAD):
                    case = case_register(
                        actor=None,
                        body=body,
                        series=series,
                        title=f"Samtidig {index}.{round_}",
                        today=TODAY,
                    )
                    with lock:
                        numbers.append(case.number)
                connection.close()

            threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.perf_counter() - start
            duplicates = sum(1 for count in Counter(numbers).values() if count > 1)
            concurrent = {
                "allocations": len(numbers),
                "threads": THREADS,
                "seconds": seconds,
                "duplicates": duplicates,
            }
        print(
            json.dumps(
                {
                    "vendor": connection.vendor,
                    "serial": SERIAL,
                    "serial_seconds": serial_seconds,
                    "concurrent": concurrent,
                }
            )
        )
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
