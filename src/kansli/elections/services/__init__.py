"""Writes of the resignation and by-election workflow: the request registered, put on the
electing body's agenda with its proposal, the successor named, the decision recorded (the seat
ends, the new one begins); a seat vacated otherwise, and kept by decision of fullmäktige."""

from ..selectors import may_be_kept
from .by_election import by_election_decide, by_election_nominate
from .resignation import (
    resignation_clauses,
    resignation_grant,
    resignation_propose,
    resignation_register,
)
from .vacancy import vacancy_keep, vacancy_register

__all__ = [
    "by_election_decide",
    "by_election_nominate",
    "may_be_kept",
    "resignation_clauses",
    "resignation_grant",
    "resignation_propose",
    "resignation_register",
    "vacancy_keep",
    "vacancy_register",
]
