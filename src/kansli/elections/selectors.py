"""Reads of the resignation and by-election workflow, for a viewer."""

import datetime

from django.db.models import F, QuerySet

from kansli.core.roles import Viewer, is_member_or_staff
from kansli.meetings.models import Meeting
from kansli.people.models import Body, Membership, OrganizationKind, Person

from . import rules
from .models import ByElection, Resignation, ResignationStatus
from .rules import Step

_RELATED = (
    "membership__person__party",
    "membership__organization",
    "case",
    "item__meeting__organization",
    "by_election__person__party",
    "by_election__party",
    "by_election__membership",
)


def resignation_list(*, viewer: Viewer | None, body: Body) -> QuerySet[Resignation]:
    if not is_member_or_staff(viewer):
        return Resignation.objects.none()
    return Resignation.objects.filter(membership__organization__body=body).select_related(*_RELATED)


def resignations_by_stage(*, viewer: Viewer | None, body: Body) -> dict[str, list[Resignation]]:
    """The list page's three groups: "open" (not granted), "vacant" (granted, successor not
    yet elected) and "done"."""
    groups: dict[str, list[Resignation]] = {"open": [], "vacant": [], "done": []}
    for resignation in resignation_list(viewer=viewer, body=body):
        if resignation.status != ResignationStatus.GRANTED:
            groups["open"].append(resignation)
        elif resignation.by_election.decided_on is None:
            groups["vacant"].append(resignation)
        else:
            groups["done"].append(resignation)
    return groups


def resignation_get(*, viewer: Viewer | None, body: Body, pk: int) -> Resignation:
    return resignation_list(viewer=viewer, body=body).get(pk=pk)


def seats_held(*, viewer: Viewer | None, body: Body, day: datetime.date) -> QuerySet[Membership]:
    """Seats someone could resign from: held on `day` or later."""
    if not is_member_or_staff(viewer):
        return Membership.objects.none()
    return (
        Membership.objects.filter(organization__body=body)
        .exclude(end__lt=day)
        .select_related("person__party", "organization")
        .order_by("organization__name", "person__last_name", "person__first_name", "role")
    )


def vacancies(*, viewer: Viewer | None, body: Body) -> QuerySet[ByElection]:
    """Seats vacated without a resignation (rules.vacancy_end): those still to fill first,
    then those filled, then those fullmäktige let the holder keep."""
    if not is_member_or_staff(viewer):
        return ByElection.objects.none()
    return (
        ByElection.objects.filter(organization__body=body, resignation__isnull=True)
        .select_related(
            "vacated__person__party", "vacated__organization", "organization", "party", "person"
        )
        .order_by(F("kept_on").asc(nulls_first=True), "decided_on", "-vacated_on", "-pk")
    )


def vacancies_to_fill(*, viewer: Viewer | None, body: Body) -> QuerySet[ByElection]:
    """The vacancies whose by-election is still to be held: not elected, and not kept by
    the holder by decision of fullmäktige."""
    return vacancies(viewer=viewer, body=body).filter(decided_on__isnull=True, kept_on__isnull=True)


def next_council_meeting(
    *, viewer: Viewer | None, body: Body, after: datetime.date
) -> Meeting | None:
    """The body's first council (fullmäktige) meeting strictly after `after` that is not
    cancelled, or None when none is planned: where a seat given by fullmäktige ends when its
    holder is no longer eligible (rules.vacancy_end, KL 4 kap. 7 §). Meetings and their days
    are public, so every viewer sees the same."""
    return (
        Meeting.objects.filter(
            organization__body=body,
            organization__kind=OrganizationKind.COUNCIL,
            cancelled_at__isnull=True,
            date__gt=after,
        )
        .select_related("organization")
        .order_by("date", "start_time", "pk")
        .first()
    )


def council_meeting_on(*, viewer: Viewer | None, body: Body, day: datetime.date) -> Meeting | None:
    """The body's council meeting held (not cancelled) on `day`, if any."""
    return (
        Meeting.objects.filter(
            organization__body=body,
            organization__kind=OrganizationKind.COUNCIL,
            cancelled_at__isnull=True,
            date=day,
        )
        .select_related("organization")
        .order_by("start_time", "pk")
        .first()
    )


def vacancy_get(*, viewer: Viewer | None, body: Body, pk: int) -> ByElection:
    return vacancies(viewer=viewer, body=body).get(pk=pk)


def candidates(*, viewer: Viewer | None, by_election: ByElection) -> QuerySet[Person]:
    """Who may be named to the seat: the seat's party's people, not the one who left it."""
    if not is_member_or_staff(viewer):
        return Person.objects.none()
    people = Person.objects.select_related("party")
    vacated = by_election.vacated_seat
    if vacated is not None:
        people = people.exclude(pk=vacated.person_id)
    if by_election.party_id is not None:
        people = people.filter(party_id=by_election.party_id)
    return people.order_by("last_name", "first_name")


def may_be_kept(by_election: ByElection) -> bool:
    """Whether fullmäktige may still let the holder keep the seat (KL 4 kap. 7 §): a seat
    given by fullmäktige that ends at a council meeting because its holder is no longer
    eligible, not yet filled, and not kept already."""
    vacated = by_election.vacated
    return (
        vacated is not None
        and by_election.is_open
        and by_election.ends_at_council_meeting
        and rules.ends_at_council_meeting(
            by_election.vacancy_reason,
            by_council=rules.given_by_council(vacated.organization.kind),
        )
    )


def resignation_steps(resignation: Resignation) -> frozenset[Step]:
    """The steps that may follow where the resignation is (rules.resignation_next_steps)."""
    by_election = resignation.by_election
    return rules.resignation_next_steps(
        status=resignation.status,
        by_election_open=by_election.is_open,
        nominee_named=by_election.person_id is not None,
    )


def vacancy_steps(by_election: ByElection) -> frozenset[Step]:
    """The steps that may follow a vacancy (rules.vacancy_next_steps)."""
    return rules.vacancy_next_steps(
        is_open=by_election.is_open,
        may_be_kept=may_be_kept(by_election),
        nominee_named=by_election.person_id is not None,
    )


def by_election_steps(by_election: ByElection) -> frozenset[Step]:
    """The steps of a by-election: those of its resignation, or of its vacancy."""
    resignation = by_election.resignation
    if resignation is not None:
        return resignation_steps(resignation)
    return vacancy_steps(by_election)
