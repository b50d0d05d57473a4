"""The elections' part of the start page (registered in apps.py): requests to resign to
decide and vacant seats to fill."""

import datetime
from typing import Any

from django.urls import reverse

from kansli.core.extensions import StartItems
from kansli.core.formatting import counted
from kansli.core.roles import Viewer

from . import selectors


def election_tasks(*, viewer: Viewer, body: Any, today: datetime.date) -> StartItems:
    groups = selectors.resignations_by_stage(viewer=viewer, body=body)
    open_ = len(groups["open"])
    vacant = len(groups["vacant"]) + selectors.vacancies_to_fill(viewer=viewer, body=body).count()
    tasks = []
    if open_:
        text = counted(open_, "begäran", "begäranden") + " om entledigande att avgöra"
        tasks.append((text, reverse("elections:list")))
    if vacant:
        text = counted(vacant, "vakant plats", "vakanta platser") + " att fylla"
        tasks.append((text, reverse("elections:list")))
    return StartItems(tasks=tasks)
