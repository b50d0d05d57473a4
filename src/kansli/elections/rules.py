"""Rules of resignation and by-election. Pure functions.

KL 4 kap. 9 § [paragraph to verify]: an elected person who wants to leave a seat asks the body
that elected them to be released; the seat ends when the request is granted. KL 4 kap. 10 §
[paragraph to verify]: when a seat falls vacant before the term ends, the electing body holds a
by-election (fyllnadsval) for the rest of the term.
"""

import datetime


def resignation_end(decided_on: datetime.date) -> datetime.date:
    """The last day of a seat whose holder is released: the day the request is granted
    (the decision takes effect at once; nothing in the law defers it)."""
    return decided_on


def by_election_period(
    decided_on: datetime.date, seat_end: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """The period of a seat filled by by-election: from the day of the election to the end of
    the vacated seat (the rest of the term). None when the seat has already ended."""
    if decided_on > seat_end:
        return None
    return decided_on, seat_end


def seat_end(
    membership_end: datetime.date | None, term_end: datetime.date | None
) -> datetime.date | None:
    """Where the vacated seat would have ended: its own end, else its term's."""
    return membership_end or term_end


def vacancy_end(occurred_on: datetime.date) -> datetime.date:
    """The last day of a seat that falls vacant without a resignation: the day of the event.
    A seat ends when its holder dies, and at once when the holder is no longer eligible, for
    instance after moving from the municipality or region (KL 4 kap. 8 § [paragraph to
    verify]). The by-election then fills the rest of the period (KL 4 kap. 10 §)."""
    return occurred_on
