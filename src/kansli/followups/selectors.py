"""Reads of follow-ups and assignments, for a viewer: the list of what is due."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet

from kansli.core.deadlines import DeadlineState, deadline_state
from kansli.core.models import AuditEntry
from kansli.core.roles import Viewer, is_member_or_staff
from kansli.people.models import Body

from .models import Assignment, AssignmentStatus, FollowUp


def assignment_list(
    *, viewer: Viewer | None, body: Body, include_done: bool = False
) -> QuerySet[Assignment]:
    if not is_member_or_staff(viewer):
        return Assignment.objects.none()
    found = Assignment.objects.filter(body=body).select_related(
        "organization", "case", "responsible_official"
    )
    if not include_done:
        found = found.exclude(status=AssignmentStatus.DONE)
    return found.order_by("due_on", "organization__name", "number")


def assignment_get(*, viewer: Viewer | None, body: Body, pk: int) -> Assignment:
    return assignment_list(viewer=viewer, body=body, include_done=True).get(pk=pk)


def assignment_history(*, viewer: Viewer | None, assignment: Assignment) -> QuerySet[AuditEntry]:
    if not is_member_or_staff(viewer):
        return AuditEntry.objects.none()
    return (
        AuditEntry.objects.filter(scope=f"assignment:{assignment.pk}")
        .select_related("actor")
        .order_by("created_at", "pk")
    )


def followup_list(
    *, viewer: Viewer | None, body: Body, include_done: bool = False
) -> QuerySet[FollowUp]:
    if not is_member_or_staff(viewer):
        return FollowUp.objects.none()
    found = FollowUp.objects.filter(case__body=body).select_related("case", "memo")
    if not include_done:
        found = found.filter(done_on__isnull=True)
    return found.order_by("due_on", "pk")


def followup_get(*, viewer: Viewer | None, body: Body, pk: int) -> FollowUp:
    return followup_list(viewer=viewer, body=body, include_done=True).get(pk=pk)


@dataclass(frozen=True)
class Due:
    """Something with a limit: its state on the day (i tid, nära, passerad), or None when done
    or without a limit."""

    item: Assignment | FollowUp
    due: datetime.date | None
    state: DeadlineState | None


def due_rows(items: list[Assignment] | list[FollowUp], today: datetime.date) -> list[Due]:
    warn = settings.KANSLI_FOLLOWUP_WARN_DAYS
    rows = []
    for item in items:
        due = item.due_on
        done = (
            item.status == AssignmentStatus.DONE
            if isinstance(item, Assignment)
            else item.done_on is not None
        )
        state = None if done or due is None else deadline_state(due, today, warn)
        rows.append(Due(item, due, state))
    return rows
