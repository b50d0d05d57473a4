"""The minutes' part of the start page (registered in apps.py): the minutes the viewer, as
chair or adjuster, has still to sign."""

import datetime
from typing import Any

from django.urls import reverse

from kansli.core.extensions import StartItems
from kansli.core.roles import Viewer

from .selectors import minutes_to_sign


def adjustment_tasks(*, viewer: Viewer, body: Any, today: datetime.date) -> StartItems:
    return StartItems(
        tasks=[
            (
                f"Att justera: Protokoll {m.meeting.organization} {m.meeting.date.isoformat()}",
                reverse("minutes:minutes_detail", args=[m.meeting_id]),
            )
            for m in minutes_to_sign(viewer=viewer)[:20]
        ]
    )
