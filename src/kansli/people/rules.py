"""Rules about memberships. Pure functions."""

import datetime


def period_is_ordered(start: datetime.date, end: datetime.date | None) -> bool:
    """A period ends on or after the day it starts; an open end is allowed."""
    return end is None or end >= start


def periods_overlap(
    a_start: datetime.date,
    a_end: datetime.date | None,
    b_start: datetime.date,
    b_end: datetime.date | None,
) -> bool:
    """Two closed periods (an open end runs forever) share at least one day."""
    a_ends_before_b = a_end is not None and a_end < b_start
    b_ends_before_a = b_end is not None and b_end < a_start
    return not (a_ends_before_b or b_ends_before_a)


def is_active_on(start: datetime.date, end: datetime.date | None, day: datetime.date) -> bool:
    return start <= day and (end is None or day <= end)
