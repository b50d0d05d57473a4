"""The rules of reporting delegated decisions (kommunallagen 6 kap. 37–40 §§). Pure functions."""

import datetime
from collections.abc import Iterable


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
