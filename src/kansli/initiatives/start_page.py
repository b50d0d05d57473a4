"""The initiatives' part of the start page (registered in apps.py): motions and citizen
proposals whose time to be decided is near or has passed."""

import datetime
from typing import Any

from django.urls import reverse

from kansli.core.deadlines import DeadlineState
from kansli.core.extensions import Deadline, StartItems
from kansli.core.roles import Viewer

from . import selectors


def initiative_deadlines(*, viewer: Viewer, body: Any, today: datetime.date) -> StartItems:
    found = selectors.rows(selectors.initiative_list(viewer=viewer, body=body), today)
    return StartItems(
        deadlines=[
            Deadline(
                row.deadline,
                f"{row.initiative.noun.capitalize()} {row.initiative.case.number}"
                " ska vara beslutad",
                reverse("initiatives:detail", args=[row.initiative.pk]),
                row.state,
            )
            for row in found
            if row.state is not None and row.state in (DeadlineState.NEAR, DeadlineState.PASSED)
        ]
    )
