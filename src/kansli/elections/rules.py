"""Rules of resignation, vacancy and by-election. Pure functions.

KL 4 kap. 6 §: fullmäktige releases an elected person who wishes to leave, unless there are
special reasons against it. KL 4 kap. 7 §: a seat ends when its holder is no longer eligible,
at once, or for one elected by fullmäktige at the next council meeting unless fullmäktige, on
application, lets the holder keep it for the rest of the term. KL 6 kap. 20 §: when a
member of a nämnd leaves during the term a by-election (fyllnadsval) is held (12 kap. 6 § for
auditors). (4 kap. 9 § is revocation and 4 kap. 10 § the revocation of a whole nämnd; the
old law's 4 kap. 8 § was the eligibility rule.)
"""

import datetime
from enum import StrEnum

from kansli.core.law import cites, practice
from kansli.people.models import OrganizationKind

from .models import ResignationStatus, VacancyReason


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


@practice(
    says="Alla uppdrag utom i fullmäktige räknas som givna av fullmäktige (nämnder, styrelser, "
    "revisorer, utskott, råd och externa organ)."
)
def given_by_council(organization_kind: str) -> bool:
    """Whether a seat in an organization of this kind was given by fullmäktige, which decides
    how it ends when its holder is no longer eligible (KL 4 kap. 7 §). Fullmäktige's own
    members are elected by the voters; Kansli counts every other seat as given by fullmäktige.
    That is a simplification: a seat in an utskott or an external body may have been given
    by a nämnd or the styrelse."""
    return organization_kind != OrganizationKind.COUNCIL


@cites(
    "KL 4 kap. 7 §",
    says="Ett uppdrag som fullmäktige gett upphör vid nästa fullmäktigesammanträde när "
    "valbarheten upphör; ett uppdrag i fullmäktige upphör genast.",
)
def ends_at_council_meeting(reason: str, *, by_council: bool) -> bool:
    """True when the seat does not end on the day of the event but at the next council
    meeting: the holder is no longer eligible and was elected by fullmäktige (KL 4 kap. 7 §
    2nd sentence). A member of fullmäktige loses the seat at once (1st sentence); a death
    ends any seat at once."""
    return reason == VacancyReason.INELIGIBLE and by_council


@cites(
    "KL 4 kap. 7 §",
    says="När valbarheten upphör upphör uppdraget genast, för den som valts av fullmäktige "
    "vid nästa fullmäktigesammanträde om inte fullmäktige låter personen ha kvar det.",
)
def vacancy_end(
    occurred_on: datetime.date,
    reason: str,
    *,
    by_council: bool,
    next_council_meeting: datetime.date | None,
    kept: bool = False,
) -> datetime.date | None:
    """The last day of a seat that falls vacant without a resignation.

    - A death, or another reason (for instance a revocation decided on a day), ends the
      seat on the day of the event.
    - A holder no longer eligible loses a seat in fullmäktige at once: the day of the event
      (KL 4 kap. 7 § 1st sentence).
    - A seat given by fullmäktige (a nämnd, the styrelse, auditors …) ends at the next
      council meeting after the day eligibility was lost (2nd sentence). The seat ends *at*
      that meeting, so the meeting day is its last day; `next_council_meeting` is the first
      not-cancelled council meeting strictly after `occurred_on`. None while no meeting is
      planned: the last day cannot be told yet.
    - Unless fullmäktige, on application, lets the holder keep the seat for the rest of the
      term (`kept`): then the event does not end it, and the result is None.
    """
    if not ends_at_council_meeting(reason, by_council=by_council):
        return occurred_on
    if kept:
        return None
    return next_council_meeting


class Step(StrEnum):
    """The steps of a resignation and of a vacancy, as the forms and services name them."""

    PROPOSE = "propose"  # put the resignation on the electing body's agenda
    GRANT = "grant"  # the resignation was granted
    KEEP = "keep"  # fullmäktige let the holder keep the seat (KL 4 kap. 7 §)
    NOMINATE = "nominate"  # name the person proposed for the seat
    ELECT = "elect"  # the by-election was held


RECEIVED, PROPOSED, GRANTED = (
    ResignationStatus.RECEIVED,
    ResignationStatus.PROPOSED,
    ResignationStatus.GRANTED,
)


@cites(
    "KL 4 kap. 6 §",
    "KL 6 kap. 20 §",
    says="Begäran förs upp och beviljas; fyllnadsvalet görs först när platsen är ledig.",
)
def resignation_next_steps(
    *, status: str, by_election_open: bool, nominee_named: bool
) -> frozenset[Step]:
    """The steps that may follow a resignation's status. Both the page (which forms it offers)
    and the services (which refuse the rest) ask this one function.

    A received request is put on an agenda; until granted it may be granted. The successor
    may be named until the by-election is held, and elected once the seat is free (the
    resignation granted) and someone is named.
    """
    steps: set[Step] = set()
    if status == RECEIVED:
        steps.add(Step.PROPOSE)
    if status != GRANTED:
        steps.add(Step.GRANT)
    if by_election_open:
        steps.add(Step.NOMINATE)
        if status == GRANTED and nominee_named:
            steps.add(Step.ELECT)
    return frozenset(steps)


@cites(
    "KL 4 kap. 7 §",
    "KL 6 kap. 20 §",
    says="En ledig plats fylls genom fyllnadsval, om inte innehavaren får ha kvar den.",
)
def vacancy_next_steps(*, is_open: bool, may_be_kept: bool, nominee_named: bool) -> frozenset[Step]:
    """The steps that may follow a vacancy (a seat that ended for another reason than a
    resignation): while it is open, a seat fullmäktige gave may be kept by its holder
    (`may_be_kept`, KL 4 kap. 7 §), the successor named, and elected once named."""
    if not is_open:
        return frozenset()
    steps = {Step.NOMINATE}
    if may_be_kept:
        steps.add(Step.KEEP)
    if nominee_named:
        steps.add(Step.ELECT)
    return frozenset(steps)
