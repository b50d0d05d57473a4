"""Reads of the delegation workflow, for a viewer: the delegation order, the register of
delegated decisions and communications with their reporting state, and what a meeting's
report would hold."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from kansli.core.roles import Viewer, is_member_or_staff
from kansli.meetings.models import Meeting
from kansli.minutes.models import Posting
from kansli.minutes.selectors import meetings_open
from kansli.people.models import Body, Organization

from . import rules
from .models import Communication, DelegatedDecision, DelegationPoint
from .services._common import DELEGATING_KINDS


def _visible(viewer: Viewer | None) -> bool:
    return is_member_or_staff(viewer)


def delegating_organizations(*, viewer: Viewer | None, body: Body) -> QuerySet[Organization]:
    if not _visible(viewer):
        return Organization.objects.none()
    return Organization.objects.filter(body=body, kind__in=DELEGATING_KINDS).order_by("name")


def point_list(
    *, viewer: Viewer | None, body: Body, active_only: bool = False
) -> QuerySet[DelegationPoint]:
    if not _visible(viewer):
        return DelegationPoint.objects.none()
    points = DelegationPoint.objects.filter(organization__body=body).select_related("organization")
    if active_only:
        points = points.filter(is_active=True)
    return points.order_by("organization__name", "code")


def point_get(*, viewer: Viewer | None, body: Body, pk: int) -> DelegationPoint:
    return point_list(viewer=viewer, body=body).get(pk=pk)


def decision_list(
    *,
    viewer: Viewer | None,
    body: Body,
    organization: Organization | None = None,
    query: str = "",
    unreported: bool = False,
) -> QuerySet[DelegatedDecision]:
    if not _visible(viewer):
        return DelegatedDecision.objects.none()
    found = DelegatedDecision.objects.filter(organization__body=body).select_related(
        "organization", "point", "case", "report_item__meeting__minutes"
    )
    if organization is not None:
        found = found.filter(organization=organization)
    if query:
        found = found.filter(
            Q(summary__icontains=query)
            | Q(decided_by__icontains=query)
            | Q(point__code__iexact=query)
            | Q(point__title__icontains=query)
        )
    if unreported:
        found = found.filter(report_item__isnull=True)
    return found.order_by("-decided_on", "-pk")


def communication_list(
    *,
    viewer: Viewer | None,
    body: Body,
    organization: Organization | None = None,
    query: str = "",
    unreported: bool = False,
) -> QuerySet[Communication]:
    if not _visible(viewer):
        return Communication.objects.none()
    found = Communication.objects.filter(organization__body=body).select_related(
        "organization", "case", "report_item__meeting__minutes"
    )
    if organization is not None:
        found = found.filter(organization=organization)
    if query:
        found = found.filter(Q(summary__icontains=query) | Q(sender__icontains=query))
    if unreported:
        found = found.filter(report_item__isnull=True)
    return found.order_by("-received_on", "-pk")


def _to_be_reported() -> Q:
    """Decisions that go on the report (rules.must_be_reported, as a query)."""
    return Q(point__reported=True) | Q(urgent=True)


def decisions_not_reported(
    *, viewer: Viewer | None, body: Body, organization: Organization | None = None
) -> QuerySet[DelegatedDecision]:
    """The separate record of decisions the body has chosen not to be told of (KL 6 kap.
    40 §): they are appealable from their own posting, so they are listed apart."""
    return (
        decision_list(viewer=viewer, body=body, organization=organization)
        .exclude(_to_be_reported())
        .order_by(F("posted_on").asc(nulls_first=True), "-decided_on", "-pk")
    )


def waiting_counts(*, viewer: Viewer | None, body: Body, today: datetime.date) -> tuple[int, int]:
    """How many decisions wait to be reported, and how many of them should already have been:
    the body held a meeting on or after the decision day and before today
    (rules.report_is_late, as a query)."""
    waiting = decision_list(viewer=viewer, body=body, unreported=True).filter(_to_be_reported())
    held = Meeting.objects.filter(
        organization_id=OuterRef("organization_id"),
        date__gte=OuterRef("decided_on"),
        date__lt=today,
    )
    late = waiting.filter(Exists(held))
    return waiting.count(), late.count()


@dataclass(frozen=True)
class DecisionRow:
    decision: DelegatedDecision
    reported: bool  # goes on the report at all (rules.must_be_reported)
    due: datetime.date | None  # the meeting it is to be reported at
    late: bool  # that meeting was held without it
    posted_on: datetime.date | None = None  # the posting its appeal period runs from
    last_appeal_day: datetime.date | None = None


def _report_postings(
    decisions: list[DelegatedDecision],
) -> dict[int, tuple[datetime.date, datetime.date]]:
    """The posting of each report item's adjusted minutes, by item, as posted (day, last day
    to appeal): the item's own posting when its paragraph was adjusted at once, else the
    minutes'."""
    items = {d.report_item.pk: d.report_item.meeting_id for d in decisions if d.report_item}
    if not items:
        return {}
    whole: dict[int, tuple[datetime.date, datetime.date]] = {}
    own: dict[int, tuple[datetime.date, datetime.date]] = {}
    for meeting_id, item_id, posted_on, last_day in Posting.objects.filter(
        Q(minutes__meeting_id__in=items.values(), paragraph__isnull=True)
        | Q(paragraph__agenda_item_id__in=items)
    ).values_list(
        "minutes__meeting_id", "paragraph__agenda_item_id", "posted_on", "last_appeal_day"
    ):
        if item_id is None:
            whole[meeting_id] = (posted_on, last_day)
        else:
            own[item_id] = (posted_on, last_day)
    found = {item: own.get(item) or whole.get(meeting) for item, meeting in items.items()}
    return {item: posting for item, posting in found.items() if posting is not None}


def decision_rows(decisions: list[DelegatedDecision], today: datetime.date) -> list[DecisionRow]:
    """Each decision with its reporting state, from its body's meeting days, and its appeal
    period from the posting it runs from (rules.last_day_to_appeal)."""
    organizations = {d.organization_id for d in decisions}
    days: dict[int, list[datetime.date]] = {pk: [] for pk in organizations}
    for organization_id, day in Meeting.objects.filter(
        organization_id__in=organizations
    ).values_list("organization_id", "date"):
        days[organization_id].append(day)
    postings = _report_postings(decisions)
    rows = []
    for decision in decisions:
        reported = rules.must_be_reported(
            point_reported=decision.point.reported, urgent=decision.urgent
        )
        waiting = reported and decision.report_item_id is None
        due = rules.report_meeting(decision.decided_on, days[decision.organization_id])
        late = waiting and rules.report_is_late(
            decision.decided_on, days[decision.organization_id], today
        )
        # On a report: the minutes' posting, as posted. Not to be reported: its own posting.
        posted_on, last_day = None, None
        if decision.report_item_id is not None:
            posted_on, last_day = postings.get(decision.report_item_id, (None, None))
        elif not reported:
            posted_on = decision.posted_on
            last_day = rules.last_day_to_appeal(posted_on)
        rows.append(
            DecisionRow(
                decision,
                reported,
                due if waiting else None,
                late,
                posted_on,
                last_day,
            )
        )
    return rows


def report_meetings(*, viewer: Viewer | None, body: Body) -> QuerySet[Meeting]:
    """The meetings a report can be compiled for: the delegating bodies' meetings whose
    minutes are not yet adjusted."""
    return meetings_open(viewer=viewer, body=body).filter(organization__kind__in=DELEGATING_KINDS)
