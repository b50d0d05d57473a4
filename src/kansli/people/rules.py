"""Rules about memberships and terms. Pure functions."""

import datetime
from collections import Counter
from collections.abc import Iterable

from kansli.core.law import cites, practice


@practice(says="Ett uppdrag slutar inte innan det börjar.")
def period_is_ordered(start: datetime.date, end: datetime.date | None) -> bool:
    """A period ends on or after the day it starts; an open end is allowed."""
    return end is None or end >= start


@practice(says="Två perioder överlappar om de delar minst en dag.")
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


@practice(says="Ett uppdrag gäller från första till sista dagen.")
def is_active_on(start: datetime.date, end: datetime.date | None, day: datetime.date) -> bool:
    return start <= day and (end is None or day <= end)


@cites(
    "KL 6 kap. 16 §",
    "KL 6 kap. 18–19 §§",
    says="Ett uppdrag ligger inom mandatperioden det valdes för.",
)
def period_within_term(
    start: datetime.date,
    end: datetime.date | None,
    term_start: datetime.date,
    term_end: datetime.date,
) -> bool:
    """A seat of a term (mandatperiod) lies inside it: it starts on or after the term's first
    day and ends on or before its last; an open end means "until the term ends".

    Members and substitutes of nämnder are elected by fullmäktige (KL 6 kap. 16 §), the
    styrelse for four years from 1 January after the election year (18 §), other nämnder for
    the term fullmäktige sets (19 §); a seat cannot begin before, or outlast, the election that
    gave it."""
    return term_start <= start <= term_end and (end is None or end <= term_end)


@cites(
    "KL 5 kap. 18 §",
    "KL 6 kap. 16–17 §§",
    says="Ersättarna tjänstgör i en bestämd ordning: 1, 2, … utan luckor och dubbletter.",
)
def substitute_order_faults(orders: Iterable[int]) -> tuple[list[int], list[int]]:
    """(duplicates, missing) of one party's substitutes' orders in one organization, which
    must be exactly 1, 2, …, n: each place once, no gap.

    Substitutes serve "enligt den ordning som är bestämd mellan dem" (KL 5 kap. 18 §);
    for nämnder fullmäktige decides the order (KL 6 kap. 16–17 §§)."""
    counts = Counter(orders)
    duplicates = sorted(order for order, count in counts.items() if count > 1)
    n = sum(counts.values())
    wanted = set(range(1, n + 1))
    missing = sorted(wanted - set(counts))
    return duplicates, missing


@cites(
    "KL 5 kap. 18 §",
    "KL 6 kap. 16–17 §§",
    says="Ett partis ersättarordning är fullständig.",
)
def substitute_order_is_complete(orders: Iterable[int]) -> bool:
    """One party's substitute orders are 1..n with no duplicate and no gap."""
    duplicates, missing = substitute_order_faults(orders)
    return not duplicates and not missing


@cites(
    "KL 5 kap. 18 §",
    "KL 6 kap. 16–17 §§",
    says="En ny ersättares plats tar ingen annans och lämnar ingen lucka.",
)
def substitute_order_may_be_added(existing: Iterable[int], new: int) -> bool:
    """A single new substitute's place among the party's seated substitutes: not a place
    someone has, and not beyond the next free place after the last (no new gap). Gaps left
    when a substitute leaves are closed by giving the whole order again."""
    taken = set(existing)
    return new >= 1 and new not in taken and new <= max(taken, default=0) + 1


@practice(says="Samma namn och parti frågas om; personer slås aldrig ihop i tysthet.")
def namesake_key(first_name: str, last_name: str, party_code: str | None) -> tuple[str, str]:
    """What makes two persons namesakes, who must be asked about rather than merged or
    duplicated in silence: the same full name (any case, any spacing, however it is split
    into first and last name) and the same party."""
    full = " ".join(f"{first_name} {last_name}".split()).casefold()
    return full, (party_code or "").casefold()
