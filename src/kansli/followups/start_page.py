"""The follow-ups' part of the start page (registered in apps.py): follow-ups and
assignments whose time is near or has passed; an official sees those of their own cases."""

import datetime
from typing import Any

from django.urls import reverse

from kansli.core.deadlines import DeadlineState
from kansli.core.extensions import Deadline, StartItems
from kansli.core.roles import Viewer

from . import selectors


def _near(state: DeadlineState | None) -> bool:
    return state in (DeadlineState.NEAR, DeadlineState.PASSED)


def followup_deadlines(*, viewer: Viewer, body: Any, today: datetime.date) -> StartItems:
    official = getattr(viewer, "official", None)
    official_id = official.pk if official is not None else None
    result = []
    found = selectors.followup_list(viewer=viewer, body=body)
    if official_id is not None:
        found = found.filter(case__official_id=official_id)
    for row in selectors.due_rows(list(found[:200]), today):
        if row.due is not None and row.state is not None and _near(row.state):
            result.append(
                Deadline(
                    row.due,
                    f"Uppföljning i {row.item.case.number}",  # type: ignore[union-attr]
                    reverse("followups:list"),
                    row.state,
                )
            )
    assignments = selectors.assignment_list(viewer=viewer, body=body)
    if official_id is not None:
        assignments = assignments.filter(responsible_official_id=official_id)
    for row in selectors.due_rows(list(assignments[:200]), today):
        if row.due is not None and row.state is not None and _near(row.state):
            result.append(
                Deadline(
                    row.due,
                    f"Uppdrag {row.item.number} ska vara klart",  # type: ignore[union-attr]
                    reverse("followups:assignment", args=[row.item.pk]),
                    row.state,
                )
            )
    return StartItems(deadlines=result)
