"""The rules of reporting delegated decisions (kommunallagen 6 kap. 37–40 §§, 7 kap. 8 §,
8 kap. 10 §). Pure functions."""

import datetime
from collections.abc import Iterable

from kansli.core.law import cites, practice
from kansli.minutes import rules as minutes_rules


@cites(
    "KL 6 kap. 40 §",
    "KL 7 kap. 8 §",
    says="Nämnden bestämmer vilka delegationsbeslut som anmäls; brådskande beslut anmäls alltid.",
)
def must_be_reported(*, point_reported: bool, urgent: bool) -> bool:
    """Whether a delegated decision goes on the body's report (anmälningsärenden).

    KL 6 kap. 39 § lets the chair decide a matter too urgent to wait for the body, and 40 §
    2 st. says such decisions "ska anmälas vid nämndens nästa sammanträde", always. For other
    delegated decisions the body itself decides which are reported to it (6 kap. 40 § 1 st.;
    7 kap. 8 § for decisions by employees); the delegation order's point says so. Decisions
    that are not reported but can be appealed are recorded separately (the register of
    delegated decisions keeps them all).
    """
    return urgent or point_reported


@cites(
    "KL 6 kap. 40 §",
    says="Ett brådskande beslut anmäls vid nämndens nästa sammanträde.",
)
def report_meeting(
    decided_on: datetime.date, meeting_dates: Iterable[datetime.date]
) -> datetime.date | None:
    """The meeting a decision is to be reported at: the body's first meeting on or after the
    day it was taken (KL 6 kap. 40 § 2 st., "vid nämndens nästa sammanträde"); None while the
    body has no such meeting planned."""
    later = [day for day in meeting_dates if day >= decided_on]
    return min(later, default=None)


@cites(
    "KL 6 kap. 40 §",
    says="Ett beslut som inte anmälts vid sammanträdet det skulle anmälas vid är sent.",
)
def report_is_late(
    decided_on: datetime.date, meeting_dates: Iterable[datetime.date], today: datetime.date
) -> bool:
    """True when the meeting the decision should have been reported at has been held
    (its day is before today) and the decision is still unreported."""
    due = report_meeting(decided_on, meeting_dates)
    return due is not None and due < today


@practice(says="En rad i anmälan: beslutet i en mening och ärendets diarienummer.")
def report_line(summary: str, case_number: str = "") -> str:
    """One numbered line of the report, as the corpus writes it: the sentence, then the case
    number: "Regiondirektören har fattat beslut om …, 20RS6587." """
    text = " ".join(summary.split()).rstrip(". ")
    if case_number:
        text = f"{text}, {case_number}"
    return f"{text}."


@cites(
    "KL 13 kap. 5 §",
    "KL 6 kap. 40 § 1 st.",
    "KL 8 kap. 10 § 1 st. 3",
    says="Ett delegationsbeslut överklagas inom tre veckor från att det tillkännagavs.",
)
def last_day_to_appeal(posted_on: datetime.date | None) -> datetime.date | None:
    """The last day to appeal a delegated decision, None until it has been posted.

    The appeal period (laglighetsprövning) runs three weeks from the day the decision was made
    known on the notice board (KL 13 kap. 5 §; DOMAIN.md: "The appeal period of a delegated
    decision runs from its posting"): for a reported decision, the posting of the adjusted
    minutes of the meeting it was reported to; for one not reported, the posting of the
    separate record it is kept in (KL 6 kap. 40 § 1 st.: "Beslut som inte anmäls ska
    protokollföras särskilt"; its posting on the notice board, 8 kap. 10 § 1 st. 3). Weekends
    and holidays move the day as lag (1930:173) says (minutes.rules.last_day_to_appeal)."""
    if posted_on is None:
        return None
    return minutes_rules.last_day_to_appeal(posted_on)
