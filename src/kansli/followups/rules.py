"""Rules of follow-ups and assignments. Pure functions.

No statute sets these limits: a decision or memo states when it is followed up ("Uppföljning",
a required memo section, DOMAIN.md), either by a date or "med delårsrapporten". The interim
report days are configuration (KANSLI_INTERIM_REPORT_DAYS, default 30 April and 31 August;
a body sets its own in its budget rules).
"""

import datetime
from collections.abc import Iterable

from kansli.core.law import local_rule, practice

STATUS_CODES = ("ej_startat", "startat", "klart")


@local_rule(
    "budgetreglerna (KANSLI_INTERIM_REPORT_DAYS)",
    says="Nästa delårsrapportdag efter ett datum.",
)
def next_interim_report(
    after: datetime.date, interim_days: Iterable[tuple[int, int]]
) -> datetime.date:
    """The first interim report day (month, day) strictly after `after`, this year or the next."""
    days = sorted(interim_days)
    if not days:
        raise ValueError("Inga delårsrapportdagar är inställda.")
    for year in (after.year, after.year + 1):
        for month, day in days:
            candidate = datetime.date(year, month, day)
            if candidate > after:
                return candidate
    raise AssertionError("unreachable: every year has its days")


@local_rule(
    "beslutet eller tjänsteskrivelsen",
    says="En uppföljning sker ett visst datum eller med nästa delårsrapport.",
)
def followup_due(
    decided_on: datetime.date,
    due_on: datetime.date | None,
    with_interim_report: bool,
    interim_days: Iterable[tuple[int, int]],
) -> datetime.date:
    """When a follow-up is due: its date, or the next interim report after the decision."""
    if with_interim_report:
        return next_interim_report(decided_on, interim_days)
    if due_on is None:
        raise ValueError("Ange ett datum eller välj ”med delårsrapporten”.")
    return due_on


@practice(says="Ett uppdrag som är klart har en dag då det blev klart, inte före det gavs.")
def status_problem(status: str, completed_on: datetime.date | None, given_on: datetime.date) -> str:
    """What is wrong with an assignment's reported status, or "" when it is consistent:
    a known status; "klart" with the day it was finished, not before the assignment was given."""
    if status not in STATUS_CODES:
        return f"Okänd status ”{status[:40]}”: välj ej startat, startat eller klart."
    if status == "klart":
        if completed_on is None:
            return "Ange vilken dag uppdraget blev klart."
        if completed_on < given_on:
            return f"Uppdraget kan inte bli klart före den dag det gavs ({given_on.isoformat()})."
    return ""
