"""The clock the tests run at: one fixed instant, so that no result depends on the day the
suite happens to run (a weekend, a holiday, a year's end, a change to summer time).

tests/conftest.py starts it when pytest is configured, before any test module is imported, so
module constants, module-wide data (the demo, the publishing world) and every test see the same
day; it ticks from there, so time still passes for a live server, leases and timeouts. A test
marked `real_clock` gets the real clock back for its own duration (see `paused`).

time-machine patches the clock functions of this process only (time.time, datetime.now,
date.today and the C functions under them); time.monotonic and time.perf_counter stay real,
and processes the tests start (a background worker, `python -m kansli …`) keep the real clock.
"""

import datetime
import time
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

import time_machine

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# Tuesday 17 March 2026, 10:00 in Stockholm (09:00 UTC): an ordinary working day in the middle
# of a month and a quarter, twelve days before summer time begins (29 March) and nineteen before
# Easter (5 April), with no public holiday in the weeks around it.
FROZEN_AT = datetime.datetime(2026, 3, 17, 10, 0, tzinfo=STOCKHOLM)


class FrozenClock:
    """The test session's clock: time-machine's travel to FROZEN_AT, ticking."""

    def __init__(self) -> None:
        self._travel: time_machine.travel | None = None

    def start(self, at: float | None = None) -> None:
        """Travel to `at` (a POSIX timestamp; FROZEN_AT if not given). A timestamp, not the
        zoned datetime, so that time-machine leaves the TZ variable alone (Django set it)."""
        if self._travel is not None:
            raise RuntimeError("the test clock is already running")
        self._travel = time_machine.travel(FROZEN_AT.timestamp() if at is None else at, tick=True)
        self._travel.start()

    def stop(self) -> None:
        if self._travel is not None:
            self._travel.stop()
            self._travel = None

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The real clock inside the block. Afterwards the test clock goes on from where it
        would have been, had it run on meanwhile, so it never runs backwards for the tests
        after."""
        if self._travel is None:
            yield
            return
        frozen = time.time()
        started = time.monotonic()
        self.stop()
        try:
            yield
        finally:
            self.start(frozen + (time.monotonic() - started))


CLOCK = FrozenClock()
