"""Time limits, quorum, votes and substitutes around the minutes. Pure functions.

Sources: kommunallagen (2017:725), "KL", and lag (1930:173) om beräkning av lagstadgad tid,
read against the statute text (LAW-VERIFIED.md); each function declares its paragraphs
(kansli.core.law, docs/law.md).
"""

import datetime
from dataclasses import dataclass

from kansli.core.law import cites, practice
from kansli.core.workdays import is_deadline_free_day

ADJUSTMENT_DAYS = 14
ADJUSTMENT_WARNING_DAYS = 3
APPEAL_DAYS = 21
POSTING_DAYS = 2

_VOTE_CHOICES = ("", "ja", "nej")


@cites(
    "KL 5 kap. 69 §",
    "KL 6 kap. 35 §",
    says="Protokollet justeras senast fjorton dagar efter sammanträdet.",
)
def adjustment_deadline(meeting_date: datetime.date, days: int = ADJUSTMENT_DAYS) -> datetime.date:
    """The last day to adjust the minutes: KL 5 kap. 69 §, "senast fjorton dagar efter
    sammanträdet" (for a nämnd through 6 kap. 35 §).

    Plain addition: the day is not moved off a weekend or holiday. The statute sets a latest
    day ("senast"), so an adjustment that must not be late is made earlier, never later.
    """
    return meeting_date + datetime.timedelta(days=days)


@practice(says="Varning tre dagar före sista dag för justering.")
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


@cites(
    "KL 8 kap. 12 §",
    says="Justeringen tillkännages på anslagstavlan senast andra dagen efter justeringen.",
)
def latest_posting_date(adjusted_on: datetime.date) -> datetime.date:
    """The last day to post the notice that the minutes are adjusted: KL 8 kap. 12 §,
    "Senast andra dagen efter det att protokollet har justerats ska justeringen tillkännages
    på anslagstavlan" — the adjustment day plus two."""
    return adjusted_on + datetime.timedelta(days=POSTING_DAYS)


@cites(
    "lag (1930:173) 2 §",
    says="En tidsfrist som slutar en lördag, söndag, helgdag eller afton slutar nästa vardag.",
)
def next_weekday(day: datetime.date) -> datetime.date:
    """The day a time limit ending on `day` really ends: the day itself, or if it is
    deadline-free the next day that is not (lag (1930:173) om beräkning av lagstadgad tid,
    2 §: "får åtgärden vidtas nästa vardag")."""
    while is_deadline_free_day(day):
        day += datetime.timedelta(days=1)
    return day


@cites(
    "KL 13 kap. 5 §",
    "lag (1930:173) 2 §",
    says="Ett överklagande ska ha kommit in inom tre veckor från anslaget om justeringen.",
)
def last_day_to_appeal(posted_on: datetime.date) -> datetime.date:
    """The last day to appeal (laglighetsprövning): KL 13 kap. 5 §, "inom tre veckor från den
    dag då det tillkännagavs på kommunens, regionens eller kommunalförbundets anslagstavla att
    protokollet över beslutet justerats" — posting day plus 21 days, moved to the next weekday
    under lag (1930:173) om beräkning av lagstadgad tid."""
    return next_weekday(posted_on + datetime.timedelta(days=APPEAL_DAYS))


@cites(
    "KL 8 kap. 12 §",
    "KL 13 kap. 5 §",
    says="Anslaget om justeringen sitter uppe till och med sista dagen för överklagande.",
)
def posting_listed_until(posted_on: datetime.date) -> datetime.date:
    """The last day the notice must stay on the notice board: not removed "före
    överklagandetidens utgång" (KL 8 kap. 12 §), i.e. the last day to appeal (KL 13 kap. 5 §,
    whose 2nd st. lets the time run out only if the notice stayed up all of it)."""
    return last_day_to_appeal(posted_on)


@cites(
    "KL 5 kap. 69 §",
    "KL 8 kap. 12 §",
    "KL 13 kap. 5 §",
    says="Tidsgränserna som följer av ett sammanträde eller ett anslag.",
)
def deadlines_from(
    *,
    meeting_date: datetime.date | None = None,
    posting_date: datetime.date | None = None,
) -> dict[str, datetime.date]:
    """The time limits that follow from the given dates.

    From a meeting: the adjustment deadline (KL 5 kap. 69 §), the latest posting if adjusted
    on that day (KL 8 kap. 12 §) and the last day to appeal if posted on that day
    (KL 13 kap. 5 §). From an actual posting: the last day to appeal and how long the notice
    stays up; it takes precedence over the appeal day estimated from a meeting. No dates give
    no limits. (A motion's limit is the initiatives' own: initiatives.rules.deadlines_from.)
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
    return limits


@cites(
    "KL 5 kap. 45 §",
    "KL 6 kap. 27 §",
    says="Ett organ får handlägga ärenden bara om mer än hälften av ledamöterna är närvarande.",
)
def has_quorum(present: int, seats: int) -> bool:
    """A body may decide only when more than half of its members are present: KL 5 kap. 45 §
    for fullmäktige ("bara om mer än hälften av ledamöterna är närvarande"; 46 § lets an item
    go on when jäv brings the number below), KL 6 kap. 27 § for nämnder. A body without seats
    never has a quorum."""
    if seats <= 0:
        return False
    return present * 2 > seats


@dataclass(frozen=True)
class VoteOutcome:
    result: str  # "ja" | "nej" | "lika"
    casting_used: bool
    by_lot: bool


@cites(
    "KL 5 kap. 55 §",
    "KL 5 kap. 56 §",
    "KL 6 kap. 33 §",
    says="Enkel majoritet; vid lika röstetal utslagsröst, men lottning vid val och anställning.",
)
def vote_outcome(
    yes: int,
    no: int,
    *,
    casting: str = "",
    election: bool = False,
    lot: str = "",
) -> VoteOutcome:
    """The result of a vote between a yes and a no: simple majority (KL 5 kap. 55 §; for
    nämnder through 6 kap. 33 §).

    On a tie the chair has the casting vote ("Vid lika röstetal har ordföranden
    utslagsröst", KL 5 kap. 56 § 1 st.): `casting`. In a matter of election or employment of
    staff ("val eller anställning av personal", 56 § 2 st.; `election=True` for either) lots
    are drawn instead: `lot`. A tie with no casting vote or lot given stays "lika". The one
    not relevant to the kind of vote is ignored. Counts must not be negative; `casting` and
    `lot` are "", "ja" or "nej".
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


@cites(
    "KL 5 kap. 17–21 §§",
    "KL 6 kap. 16–17 §§",
    says="Ersättare tjänstgör i den ordning som är bestämd mellan dem; fullmäktige bestämmer "
    "ordningen i nämnderna.",
)
def substitutes_for(
    absent: list[Seat],
    available: list[Seat],
    party_order: list[str],
) -> dict[int, int | None]:
    """Which substitute serves for each absent member, in the order decided between them (KL
    5 kap. 17–18 §§; for nämnder fullmäktige decides how substitutes serve, 6 kap. 16–17 §§,
    and the order across parties is the body's own rule). 5 kap. 19–20 §§ (a member who
    arrives may serve; one who left may not return that day) are left to the secretary.

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


@cites(
    "KL 4 kap. 27 §",
    says="Den som deltagit i avgörandet får reservera sig; reservationen anmäls innan "
    "sammanträdet avslutas.",
)
def may_reserve(*, took_part: bool) -> bool:
    """Whether a member may reserve against a decision: KL 4 kap. 27 §, "En ledamot som har
    deltagit i avgörandet av ett ärende får reservera sig mot beslutet", announced before the
    meeting ends. That the written motivation is handed in before the adjustment is the
    arbetsordning's or reglemente's rule, not the statute's."""
    return took_part
