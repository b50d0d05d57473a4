"""Where a day stands against a limit: in time, near it, or past it. Shared by every workflow
that shows limits (motions, follow-ups, assignments, the start page)."""

import datetime
import enum


class DeadlineState(enum.StrEnum):
    IN_TIME = "i tid"
    NEAR = "nära"
    PASSED = "passerad"


def deadline_state(
    deadline: datetime.date, today: datetime.date, warn_days: int = 60
) -> DeadlineState:
    """Past the limit, within `warn_days` of it, or in time."""
    if today > deadline:
        return DeadlineState.PASSED
    if (deadline - today).days <= warn_days:
        return DeadlineState.NEAR
    return DeadlineState.IN_TIME
