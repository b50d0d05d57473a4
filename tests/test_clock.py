"""The tests' fixed clock (tests/clock.py): every test sees the same ordinary working day, time
still passes, and a test marked `real_clock` gets the real clock."""

import datetime
import time

import pytest
import time_machine
from django.utils import timezone

from kansli.core.workdays import is_deadline_free_day

from .clock import CLOCK, FROZEN_AT, STOCKHOLM

D = datetime.date


def kernel_time(tmp_path) -> float:
    """The real time, as the kernel stamps a new file with it (time-machine cannot reach it)."""
    stamp = tmp_path / f"stamp-{time.monotonic_ns()}"
    stamp.touch()
    return stamp.stat().st_mtime


def test_the_tests_run_on_tuesday_17_march_2026_from_ten_in_stockholm():
    now = timezone.localtime()
    assert timezone.localdate() == datetime.date.today() == D(2026, 3, 17)
    assert now.tzinfo is not None and now.utcoffset() == datetime.timedelta(hours=1)
    assert FROZEN_AT <= now < FROZEN_AT + datetime.timedelta(hours=12)
    assert datetime.datetime.fromtimestamp(time.time(), STOCKHOLM).date() == D(2026, 3, 17)


def test_nothing_special_happens_around_the_day():
    """A weekday with working days around it, no public holiday or eve in the fortnight either
    side, the same UTC offset all along (summer time begins 29 March), inside one month."""
    day = FROZEN_AT.date()
    assert day.weekday() == 1  # Tuesday
    fortnight = [day + datetime.timedelta(days=n) for n in range(-7, 8)]
    assert not any(is_deadline_free_day(d) for d in fortnight if d.weekday() < 5)
    offsets = {
        datetime.datetime.combine(d, datetime.time(10), STOCKHOLM).utcoffset() for d in fortnight
    }
    assert offsets == {datetime.timedelta(hours=1)}
    assert {d.month for d in fortnight} == {3}


def test_time_still_passes():
    before = timezone.now()
    time.sleep(0.01)
    assert timezone.now() > before


def test_paused_gives_the_real_clock_and_then_goes_on_where_it_would_have_been(tmp_path):
    frozen = time.time()
    with CLOCK.paused():
        assert not time_machine.escape_hatch.is_travelling()
        assert abs(time.time() - kernel_time(tmp_path)) < 60
        time.sleep(0.01)
    assert time_machine.escape_hatch.is_travelling()
    after = time.time()
    assert frozen + 0.01 <= after < frozen + 60
    assert timezone.localdate() == D(2026, 3, 17)


@pytest.mark.real_clock
def test_a_test_marked_real_clock_sees_the_real_clock(tmp_path):
    assert not time_machine.escape_hatch.is_travelling()
    assert abs(time.time() - kernel_time(tmp_path)) < 60
