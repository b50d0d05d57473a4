"""The delegation order's part of the start page (registered in apps.py): delegated
decisions and communications waiting to be reported to the body."""

import datetime
from typing import Any

from django.urls import reverse

from kansli.core.extensions import StartItems
from kansli.core.formatting import counted
from kansli.core.roles import Viewer

from . import selectors


def reporting_tasks(*, viewer: Viewer, body: Any, today: datetime.date) -> StartItems:
    tasks = []
    waiting, late = selectors.waiting_counts(viewer=viewer, body=body, today=today)
    if waiting:
        tasks.append(
            (
                f"{waiting} delegationsbeslut väntar på att anmälas"
                + (f", varav {late} borde redan ha anmälts" if late else ""),
                reverse("delegation:list") + "?ej_anmalda=1",
            )
        )
    communications = selectors.communication_list(viewer=viewer, body=body, unreported=True)
    if communications.exists():
        tasks.append(
            (
                counted(communications.count(), "meddelande", "meddelanden")
                + " väntar på att anmälas",
                reverse("delegation:list") + "?ej_anmalda=1",
            )
        )
    return StartItems(tasks=tasks)
