"""Law rules of motions and citizen proposals. Pure functions on dates.

Source: kommunallagen (2017:725), KL 5 kap. 35 § (motions), 8 kap. (citizen proposals);
DOMAIN.md, "Law and rules".
"""

import calendar
import datetime

from kansli.core.deadlines import DeadlineState
from kansli.core.deadlines import deadline_state as _deadline_state
from kansli.minutes.rules import motion_deadline


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def decision_deadline(
    *, is_motion: bool, received_on: datetime.date, months: int = 12
) -> datetime.date:
    """The day by which the initiative should be decided.

    A motion: within one year of when it was made, KL 5 kap. 35 § (minutes.rules.motion_deadline).
    A citizen proposal: the body's rule, `months` after its arrival; the common rule is the
    motions' year (KL 8 kap. [to verify]; KANSLI_CITIZEN_PROPOSAL_MONTHS).
    """
    if is_motion:
        return motion_deadline(received_on)
    return add_months(received_on, months)


def deadline_state(
    deadline: datetime.date, today: datetime.date, warn_days: int = 60
) -> DeadlineState:
    """Past the limit, within `warn_days` of it, or in time. An undecided initiative past its
    limit must be reported to fullmäktige (KL 5 kap. 35 §)."""
    return _deadline_state(deadline, today, warn_days)


def not_prepared_within_limit(
    deadline: datetime.date, decided_on: datetime.date | None, on: datetime.date
) -> bool:
    """Whether the initiative belongs in the report of those not prepared within the year
    (KL 5 kap. 35 §): its limit has passed on `on` and it was not decided by then."""
    return deadline < on and (decided_on is None or decided_on > on)


def to_be_reported(
    received_on: datetime.date, decided_on: datetime.date | None, on: datetime.date
) -> bool:
    """Whether the initiative belongs in a report to fullmäktige on `on` of those not yet
    decided: it had come in and was not decided by then. KL 5 kap. 35 § asks that a motion whose
    preparation cannot be finished within the year be reported within that year; reporting
    every undecided one, twice a year, does that before each limit (DOMAIN.md)."""
    return received_on <= on and (decided_on is None or decided_on > on)


def may_write_off(deadline: datetime.date, decided_on: datetime.date) -> bool:
    """Fullmäktige may write a motion off only once it has not been prepared within the year
    and this has been reported (KL 5 kap. 35 §): the decision falls after the limit."""
    return decided_on > deadline


def step_order_problem(steps: list[tuple[str, datetime.date | None]]) -> str:
    """The first step dated before the one it follows (steps in workflow order, named in
    Swedish), or an empty string. A missing date is skipped."""
    last: tuple[str, datetime.date] | None = None
    for name, day in steps:
        if day is None:
            continue
        if last is not None and day < last[1]:
            before, then = last
            return (
                f"Datumet för {name} ({day.isoformat()}) ligger före {before} ({then.isoformat()})."
            )
        last = (name, day)
    return ""
