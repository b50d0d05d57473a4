"""Rules of resignation, vacancy and by-election. Pure functions.

KL 4 kap. 6 §: fullmäktige releases an elected person who wishes to leave, unless there are
special reasons against it. KL 4 kap. 7 §: a seat ends when its holder is no longer eligible,
at once, or for one elected by fullmäktige at the next council meeting. KL 6 kap. 20 §: when a
member of a nämnd leaves during the term a by-election (fyllnadsval) is held (12 kap. 6 § for
auditors). (4 kap. 9 § is revocation and 4 kap. 10 § the revocation of a whole nämnd; the
old law's 4 kap. 8 § was the eligibility rule.)
"""

import datetime

from kansli.core.law import cites, practice


@cites(
    "KL 4 kap. 6 §",
    says="Fullmäktige befriar den som vill avgå; uppdraget upphör när begäran beviljas.",
)
def resignation_end(decided_on: datetime.date) -> datetime.date:
    """The last day of a seat whose holder is released: the day the request is granted
    (the decision takes effect at once; nothing in the law defers it)."""
    return decided_on


@cites(
    "KL 6 kap. 20 §",
    says="När en ledamot avgår under mandattiden hålls fyllnadsval för resten av perioden.",
)
def by_election_period(
    decided_on: datetime.date, seat_end: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """The period of a seat filled by by-election: from the day of the election to the end of
    the vacated seat (the rest of the term). None when the seat has already ended."""
    if decided_on > seat_end:
        return None
    return decided_on, seat_end


@practice(says="Ett uppdrag utan eget slutdatum gäller mandatperioden ut.")
def seat_end(
    membership_end: datetime.date | None, term_end: datetime.date | None
) -> datetime.date | None:
    """Where the vacated seat would have ended: its own end, else its term's."""
    return membership_end or term_end


@cites(
    "KL 4 kap. 7 §",
    says="Ett uppdrag upphör genast när valbarheten upphör; den som valts av fullmäktige "
    "behåller det till nästa fullmäktigesammanträde.",
)
def vacancy_end(occurred_on: datetime.date) -> datetime.date:
    """The last day of a seat that falls vacant without a resignation: the day of the event.
    A seat ends when its holder dies, and when the holder is no longer eligible (KL 4 kap.
    7 §). The by-election then fills the rest of the period (KL 6 kap. 20 §)."""
    return occurred_on
