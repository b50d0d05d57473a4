"""Time limits, quorum, votes and substitutes around the minutes. Pure functions.

Sources: kommunallagen (2017:725), "KL", and lag (1930:173) om beräkning av lagstadgad tid;
see DOMAIN.md, "Law and rules". Paragraphs marked [to verify] there are marked here too.
"""

import datetime
from dataclasses import dataclass

from kansli.core.workdays import is_deadline_free_day

ADJUSTMENT_DAYS = 14
ADJUSTMENT_WARNING_DAYS = 3
APPEAL_DAYS = 21
POSTING_DAYS = 2

_VOTE_CHOICES = ("", "ja", "nej")


def adjustment_deadline(meeting_date: datetime.date, days: int = ADJUSTMENT_DAYS) -> datetime.date:
    """The last day to adjust the minutes: KL 5 kap. 69 §, "senast 14 dagar efter
    sammanträdet".

    Plain addition: the day is not moved off a weekend or holiday. The statute sets a latest
    day ("senast"), so an adjustment that must not be late is made earlier, never later.
    """
    return meeting_date + datetime.timedelta(days=days)


def adjustment_deadline_status(
    today: datetime.date,
    deadline: datetime.date,
    warn_days: int = ADJUSTMENT_WARNING_DAYS,
) -> str:
    """How close the adjustment deadline (KL 5 kap. 69 §) is: "passerad" once the day has
    gone by, "nära" from `warn_days` days before it up to and including the day itself,
    otherwise "ok"."""
    if today > deadline:
        return "passerad"
    if (deadline - today).days <= warn_days:
        return "nära"
    return "ok"


def latest_posting_date(adjusted_on: datetime.date) -> datetime.date:
    """The last day to post the notice that the minutes are adjusted: KL 8 kap. 12 §, "senast
    andra dagen efter den dag då protokollet justerades" — the adjustment day plus two."""
    return adjusted_on + datetime.timedelta(days=POSTING_DAYS)


def next_weekday(day: datetime.date) -> datetime.date:
    """The day a time limit ending on `day` really ends: the day itself, or if it is
    deadline-free the next day that is not (lag (1930:173) om beräkning av lagstadgad tid,
    2 §: "får åtgärden företas nästa vardag")."""
    while is_deadline_free_day(day):
        day += datetime.timedelta(days=1)
    return day


def last_day_to_appeal(posted_on: datetime.date) -> datetime.date:
    """The last day to appeal (laglighetsprövning): KL 13 kap. 5 §, "inom tre veckor från den
    dag då det tillkännagavs på kommunens anslagstavla" — posting day plus 21 days, moved to
    the next weekday under lag (1930:173) om beräkning av lagstadgad tid."""
    return next_weekday(posted_on + datetime.timedelta(days=APPEAL_DAYS))


def posting_listed_until(posted_on: datetime.date) -> datetime.date:
    """The last day the notice must stay on the notice board: until the appeal period has
    ended (KL 8 kap. 12 §), i.e. the last day to appeal (KL 13 kap. 5 §)."""
    return last_day_to_appeal(posted_on)


def motion_deadline(received_on: datetime.date) -> datetime.date:
    """The day by which fullmäktige should decide a motion: KL 5 kap. 35 §, "inom ett år från
    det att motionen väcktes" — the same day next year, 28 February for a motion of 29 February.

    Not moved off weekends and holidays: lag (1930:173) concerns time limits within which a
    party must act, and this is a limit on the body's own preparation.
    """
    try:
        return received_on.replace(year=received_on.year + 1)
    except ValueError:  # 29 February, and next year is not a leap year
        return received_on.replace(year=received_on.year + 1, day=28)


def deadlines_from(
    *,
    meeting_date: datetime.date | None = None,
    posting_date: datetime.date | None = None,
    motion_received: datetime.date | None = None,
) -> dict[str, datetime.date]:
    """The time limits that follow from the given dates.

    From a meeting: the adjustment deadline (KL 5 kap. 69 §), the latest posting if adjusted
    on that day (KL 8 kap. 12 §) and the last day to appeal if posted on that day
    (KL 13 kap. 5 §). From an actual posting: the last day to appeal and how long the notice
    stays up; it takes precedence over the appeal day estimated from a meeting. From a motion:
    the day it should be decided by (KL 5 kap. 35 §). No dates give no limits.
    """
    limits: dict[str, datetime.date] = {}
    if meeting_date is not None:
        adjustment = adjustment_deadline(meeting_date)
        latest_posting = latest_posting_date(adjustment)
        limits["adjustment_deadline"] = adjustment
        limits["latest_posting"] = latest_posting
        limits["last_day_to_appeal"] = last_day_to_appeal(latest_posting)
    if posting_date is not None:
        limits["last_day_to_appeal"] = last_day_to_appeal(posting_date)
        limits["listed_until"] = posting_listed_until(posting_date)
    if motion_received is not None:
        limits["motion_deadline"] = motion_deadline(motion_received)
    return limits


def has_quorum(present: int, seats: int) -> bool:
    """A body may decide only when more than half of its members are present: KL 6 kap. 27 §
    for nämnder; the same rule for fullmäktige, KL 5 kap. 44 § [to verify]. A body without
    seats never has a quorum."""
    if seats <= 0:
        return False
    return present * 2 > seats


@dataclass(frozen=True)
class VoteOutcome:
    result: str  # "ja" | "nej" | "lika"
    casting_used: bool
    by_lot: bool


def vote_outcome(
    yes: int,
    no: int,
    *,
    casting: str = "",
    election: bool = False,
    lot: str = "",
) -> VoteOutcome:
    """The result of a vote between a yes and a no: simple majority (KL 5 kap. 55 §
    [to verify] for fullmäktige; KL 6 kap. 33 § for nämnder).

    On a tie in an open vote the chair has the casting vote ("ordföranden har utslagsröst",
    KL 5 kap. 55 § / 6 kap. 33 §): `casting`. In an election (`election=True`) lots are drawn
    instead: `lot`. A tie with no casting vote or lot given stays "lika". The one not relevant
    to the kind of vote is ignored. Counts must not be negative; `casting` and `lot` are "",
    "ja" or "nej".
    """
    if yes < 0 or no < 0:
        raise ValueError(f"Antalet röster kan inte vara negativt (ja {yes}, nej {no}).")
    if casting not in _VOTE_CHOICES:
        raise ValueError(f"Utslagsrösten ska vara ”ja” eller ”nej”, inte ”{casting}”.")
    if lot not in _VOTE_CHOICES:
        raise ValueError(f"Lottningen ska utfalla ”ja” eller ”nej”, inte ”{lot}”.")
    if yes > no:
        return VoteOutcome("ja", casting_used=False, by_lot=False)
    if no > yes:
        return VoteOutcome("nej", casting_used=False, by_lot=False)
    if election:
        if lot:
            return VoteOutcome(lot, casting_used=False, by_lot=True)
    elif casting:
        return VoteOutcome(casting, casting_used=True, by_lot=False)
    return VoteOutcome("lika", casting_used=False, by_lot=False)


@dataclass(frozen=True)
class Seat:
    person: int
    party: str
    order: int  # members: seat order; substitutes: call-in order within the party, 1 = first


def substitutes_for(
    absent: list[Seat],
    available: list[Seat],
    party_order: list[str],
) -> dict[int, int | None]:
    """Which substitute serves for each absent member, in the order the body decided (local
    rules under KL 5 kap. 47–49 §§ and KL 6 kap. 11 §).

    Absent members are taken in their seat order. First pass: each gets the first remaining
    substitute of the member's own party. Second pass, for those still without: the first
    remaining substitute of another party, parties taken in `party_order` and any others after
    them alphabetically. Own-party substitutes are thus given out before any cross-party one.
    A substitute serves at most once; a member left without gets None. Ties are broken by
    person id, so the result is deterministic.
    """
    rank = {party: index for index, party in enumerate(party_order)}
    parties = sorted(
        {seat.party for seat in available},
        key=lambda party: (0, rank[party], "") if party in rank else (1, 0, party),
    )
    queues: dict[str, list[Seat]] = {party: [] for party in parties}
    seen: set[int] = set()
    for seat in sorted(available, key=lambda s: (s.order, s.person)):
        if seat.person not in seen:
            seen.add(seat.person)
            queues[seat.party].append(seat)

    members = sorted(absent, key=lambda s: (s.order, s.person))
    assigned: dict[int, int | None] = {member.person: None for member in members}
    for member in members:
        queue = queues.get(member.party)
        if queue:
            assigned[member.person] = queue.pop(0).person
    for member in members:
        if assigned[member.person] is not None:
            continue
        for party in parties:
            if queues[party]:
                assigned[member.person] = queues[party].pop(0).person
                break
    return assigned
