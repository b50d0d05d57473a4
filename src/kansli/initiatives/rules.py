"""Law rules of motions and citizen proposals. Pure functions on dates.

Source: kommunallagen (2017:725): KL 5 kap. 35 § (the year, for motions and citizen
proposals alike), 8 kap. 1 § (citizen proposals exist where fullmäktige decided so), 5 kap.
23 § 2 st. and 6 kap. 34 § (a citizen proposal left to a nämnd); LAW-VERIFIED.md rows 18–19.
"""

import calendar
import datetime
from enum import StrEnum

from kansli.core.deadlines import DeadlineState
from kansli.core.deadlines import deadline_state as _deadline_state
from kansli.core.law import cites, practice
from kansli.minutes import rules as minutes_rules


@cites(
    "lag (1930:173) 1 §",
    says="En frist i månader slutar samma dag; finns dagen inte, den sista i månaden.",
)
def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@cites(
    "KL 5 kap. 35 §",
    "lag (1930:173) 1 §",
    says="En motion bereds så att fullmäktige kan besluta inom ett år från att den väcktes.",
)
def motion_deadline(received_on: datetime.date) -> datetime.date:
    """The day by which fullmäktige should decide a motion: KL 5 kap. 35 §, "inom ett år från
    det att motionen eller medborgarförslaget väcktes" — the same day next year, 28 February
    for a motion of 29 February (lag (1930:173) 1 §: a date that does not exist is the last
    day of that month).

    Not moved off weekends and holidays: lag (1930:173) concerns time limits within which a
    party must act, and this is a limit on the body's own preparation.
    """
    try:
        return received_on.replace(year=received_on.year + 1)
    except ValueError:  # 29 February, and next year is not a leap year
        return received_on.replace(year=received_on.year + 1, day=28)


@cites(
    "KL 5 kap. 69 §",
    "KL 8 kap. 12 §",
    "KL 13 kap. 5 §",
    "KL 5 kap. 35 §",
    says="Tidsgränserna som följer av ett sammanträde, ett anslag eller en motion.",
)
def deadlines_from(
    *,
    meeting_date: datetime.date | None = None,
    posting_date: datetime.date | None = None,
    motion_received: datetime.date | None = None,
) -> dict[str, datetime.date]:
    """The time limits of a meeting and a posting (minutes.rules.deadlines_from) and, from a
    motion, the day it should be decided by (KL 5 kap. 35 §, motion_deadline)."""
    limits = minutes_rules.deadlines_from(meeting_date=meeting_date, posting_date=posting_date)
    if motion_received is not None:
        limits["motion_deadline"] = motion_deadline(motion_received)
    return limits


CITIZEN_PROPOSAL_MAX_MONTHS = 12


@cites(
    "KL 5 kap. 35 §",
    "KL 6 kap. 34 §",
    says="En motion eller ett medborgarförslag bereds så att det kan avgöras inom ett år.",
)
def decision_deadline(
    *, is_motion: bool, received_on: datetime.date, months: int = 12
) -> datetime.date:
    """The day by which the initiative should be decided.

    A motion: within one year of when it was made, KL 5 kap. 35 § (motion_deadline).
    A citizen proposal: the same year by statute (5 kap. 35 §; 6 kap. 34 § when left to a
    nämnd, counted from when it was raised in fullmäktige). A body may set a shorter limit
    (`months`, KANSLI_CITIZEN_PROPOSAL_MONTHS), never a longer one.
    """
    if not 1 <= months <= CITIZEN_PROPOSAL_MAX_MONTHS:
        raise ValueError(
            f"Tidsgränsen för medborgarförslag ska vara 1–{CITIZEN_PROPOSAL_MAX_MONTHS} månader "
            f"(kommunallagen 5 kap. 35 §), inte {months}."
        )
    if is_motion or months == CITIZEN_PROPOSAL_MAX_MONTHS:
        return motion_deadline(received_on)
    return add_months(received_on, months)


@practice(says="Varning 60 dagar före tidsgränsen, så att redovisningen hinner göras inom året.")
def deadline_state(
    deadline: datetime.date, today: datetime.date, warn_days: int = 60
) -> DeadlineState:
    """Past the limit, within `warn_days` of it, or in time. An initiative that cannot be
    decided within its year must be reported to fullmäktige within that same year (KL 5 kap.
    35 § 2 st.), so the warning comes early enough to put it in a report."""
    return _deadline_state(deadline, today, warn_days)


@cites(
    "KL 5 kap. 35 §",
    says="Ett ärende som inte avgjorts inom året har passerat tidsgränsen; redovisningen "
    "skulle ha gjorts inom den.",
)
def not_prepared_within_limit(
    deadline: datetime.date, decided_on: datetime.date | None, on: datetime.date
) -> bool:
    """Whether the initiative had passed its limit undecided on `on` (KL 5 kap. 35 §): the
    list a secretary checks. The law asks the report to be made *within* the year, which
    `to_be_reported` (every undecided one, at each report) does; this list shows where the
    limit itself was missed."""
    return deadline < on and (decided_on is None or decided_on > on)


@cites(
    "KL 5 kap. 35 §",
    says="Det som inte kan beredas inom året redovisas för fullmäktige inom samma tid.",
)
def to_be_reported(
    received_on: datetime.date, decided_on: datetime.date | None, on: datetime.date
) -> bool:
    """Whether the initiative belongs in a report to fullmäktige on `on` of those not yet
    decided: it had come in and was not decided by then. KL 5 kap. 35 § asks that a motion whose
    preparation cannot be finished within the year be reported within that year; reporting
    every undecided one, twice a year, does that before each limit (DOMAIN.md)."""
    return received_on <= on and (decided_on is None or decided_on > on)


@cites(
    "KL 5 kap. 35 §",
    says="Fullmäktige får avskriva en motion eller ett medborgarförslag när det har "
    "redovisats att beredningen inte kunnat avslutas.",
)
def may_write_off(reported_on: datetime.date | None, decided_on: datetime.date) -> bool:
    """Whether fullmäktige may write the initiative off on `decided_on`: KL 5 kap. 35 § 2 st.,
    once it has been reported that its preparation could not be finished ("Fullmäktige får
    då avskriva"), which may be before its year is out. `reported_on` is the day of the first
    report it was in (the council meeting), None when it was never reported."""
    return reported_on is not None and decided_on >= reported_on


@practice(says="Stegen (inkom, anmäld, remitterad, avgjord) kommer i ordning.")
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


class Step(StrEnum):
    """The steps of the workflow, as the forms and services name them."""

    COMPLETE = "complete"  # fill in the authors or the proposer
    ANNOUNCE = "announce"  # put it on fullmäktige's agenda (anmälan)
    CONSENT = "consent"  # the proposer's consent to publish the name, or its withdrawal
    REFER = "refer"  # fullmäktige referred it for preparation
    DELEGATE = "delegate"  # fullmäktige left a citizen proposal to a nämnd
    DECIDE = "decide"  # decided (bifall, avslag, besvarad, avskriven)


# The statuses in the order of the workflow (InitiativeStatus' values).
RECEIVED, ANNOUNCED, REFERRED, DELEGATED, DECIDED = (
    "inkommen",
    "anmald",
    "remitterad",
    "overlamnad",
    "avgjord",
)


@practice(
    says="Vilka steg som kan följa på en motions eller ett medborgarförslags läge.",
)
def next_steps(
    *, status: str, is_motion: bool, facts_missing: bool, has_proposer_name: bool
) -> frozenset[Step]:
    """The steps that may follow the initiative's status. Both the page (which forms it
    offers) and the services (which refuse the rest) ask this one function.

    - Missing facts (authors, proposer) may be completed at any time; an initiative is
      announced only when it is complete and still received.
    - A citizen proposal's consent to publish the name can be given or withdrawn whenever
      a name is registered; a motion is always named.
    - Referral follows the announcement; a citizen proposal (never a motion) may be left to
      a nämnd once announced or referred; any announced initiative may be decided.
    """
    steps: set[Step] = set()
    if facts_missing:
        steps.add(Step.COMPLETE)
    elif status == RECEIVED:
        steps.add(Step.ANNOUNCE)
    if not is_motion and has_proposer_name:
        steps.add(Step.CONSENT)
    if status == ANNOUNCED:
        steps.add(Step.REFER)
    if not is_motion and status in (ANNOUNCED, REFERRED):
        steps.add(Step.DELEGATE)
    if status in (ANNOUNCED, REFERRED, DELEGATED):
        steps.add(Step.DECIDE)
    return frozenset(steps)
