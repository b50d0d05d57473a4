"""The rules of reporting delegated decisions (kommunallagen 6 kap. 37–40 §§). Pure functions."""

import datetime
from collections.abc import Iterable

from kansli.minutes import rules as minutes_rules


def must_be_reported(*, point_reported: bool, urgent: bool) -> bool:
    """Whether a delegated decision goes on the body's report (anmälningsärenden).

    KL 6 kap. 39 §: a decision the chair takes in an urgent matter shall be reported at the
    body's next meeting, always. KL 6 kap. 40 §: for other delegated decisions the body itself
    decides which are reported to it; the delegation order's point says so. Decisions that are
    not reported but can be appealed are recorded separately (the register of delegated
    decisions keeps them all).
    """
    return urgent or point_reported


def report_meeting(
    decided_on: datetime.date, meeting_dates: Iterable[datetime.date]
) -> datetime.date | None:
    """The meeting a decision is to be reported at: the body's first meeting on or after the
    day it was taken (KL 6 kap. 39 §, "vid nämndens nästa sammanträde"); None while the body
    has no such meeting planned."""
    later = [day for day in meeting_dates if day >= decided_on]
    return min(later, default=None)


def report_is_late(
    decided_on: datetime.date, meeting_dates: Iterable[datetime.date], today: datetime.date
) -> bool:
    """True when the meeting the decision should have been reported at has been held
    (its day is before today) and the decision is still unreported."""
    due = report_meeting(decided_on, meeting_dates)
    return due is not None and due < today


def report_line(summary: str, case_number: str = "") -> str:
    """One numbered line of the report, as the corpus writes it: the sentence, then the case
    number: "Regiondirektören har fattat beslut om …, 20RS6587." """
    text = " ".join(summary.split()).rstrip(". ")
    if case_number:
        text = f"{text}, {case_number}"
    return f"{text}."


def last_day_to_appeal(posted_on: datetime.date | None) -> datetime.date | None:
    """The last day to appeal a delegated decision, None until it has been posted.

    The appeal period (laglighetsprövning) runs three weeks from the day the decision was made
    known on the notice board (KL 13 kap. 5 §; DOMAIN.md: "The appeal period of a delegated
    decision runs from its posting"): for a reported decision, the posting of the adjusted
    minutes of the meeting it was reported to; for one not reported, the posting of the
    separate record it is kept in (KL 6 kap. 40 §, 8 kap. 13 § [to verify]). Weekends and
    holidays move the day as lag (1930:173) says (minutes.rules.last_day_to_appeal)."""
    if posted_on is None:
        return None
    return minutes_rules.last_day_to_appeal(posted_on)
