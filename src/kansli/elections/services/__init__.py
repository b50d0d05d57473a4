"""Writes of the resignation and by-election workflow: the request registered, put on the
electing body's agenda with its proposal, the successor named, the decision recorded (the seat
ends, the new one begins)."""

from ._common import DENIED
from .by_election import by_election_decide, by_election_nominate
from .resignation import (
    resignation_clauses,
    resignation_grant,
    resignation_propose,
    resignation_register,
)
from .vacancy import vacancy_register

__all__ = [
    "DENIED",
    "by_election_decide",
    "by_election_nominate",
    "resignation_clauses",
    "resignation_grant",
    "resignation_propose",
    "resignation_register",
    "vacancy_register",
]
