"""What waits for a viewer, by role, read through each workflow's selectors."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

from kansli.core.deadlines import DeadlineState, deadline_state
from kansli.core.formatting import counted
from kansli.core.roles import (
    Viewer,
    can_manage_meetings,
    can_manage_people,
    can_register_cases,
    is_staff_member,
)
from kansli.delegation import selectors as delegation
from kansli.elections import selectors as elections
from kansli.followups import selectors as followups
from kansli.initiatives import selectors as initiatives
from kansli.meetings.selectors import meeting_list
from kansli.memos.models import Memo
from kansli.memos.selectors import drafts_of
from kansli.minutes.selectors import minutes_to_sign
from kansli.people.models import Body, Membership
from kansli.people.selectors import membership_list


@dataclass(frozen=True)
class Deadline:
    day: datetime.date
    what: str
    url: str
    state: DeadlineState


@dataclass
class Waiting:
    """The start page's content for one viewer."""

    deadlines: list[Deadline] = field(default_factory=list)
    tasks: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    memos: list[Memo] = field(default_factory=list)
    seats: list[Membership] = field(default_factory=list)


def _near(state: DeadlineState | None) -> bool:
    return state in (DeadlineState.NEAR, DeadlineState.PASSED)


def _initiative_deadlines(viewer: Viewer, body: Body, today: datetime.date) -> list[Deadline]:
    found = initiatives.rows(initiatives.initiative_list(viewer=viewer, body=body), today)
    return [
        Deadline(
            row.deadline,
            f"{row.initiative.noun.capitalize()} {row.initiative.case.number} ska vara beslutad",
            reverse("initiatives:detail", args=[row.initiative.pk]),
            row.state,
        )
        for row in found
        if row.state is not None and _near(row.state)
    ]


def _followup_deadlines(
    viewer: Viewer, body: Body, today: datetime.date, official_id: int | None
) -> list[Deadline]:
    result = []
    found = followups.followup_list(viewer=viewer, body=body)
    if official_id is not None:
        found = found.filter(case__official_id=official_id)
    for row in followups.due_rows(list(found[:200]), today):
        if row.due is not None and row.state is not None and _near(row.state):
            result.append(
                Deadline(
                    row.due,
                    f"Uppföljning i {row.item.case.number}",  # type: ignore[union-attr]
                    reverse("followups:list"),
                    row.state,
                )
            )
    assignments = followups.assignment_list(viewer=viewer, body=body)
    if official_id is not None:
        assignments = assignments.filter(responsible_official_id=official_id)
    for row in followups.due_rows(list(assignments[:200]), today):
        if row.due is not None and row.state is not None and _near(row.state):
            result.append(
                Deadline(
                    row.due,
                    f"Uppdrag {row.item.number} ska vara klart",  # type: ignore[union-attr]
                    reverse("followups:assignment", args=[row.item.pk]),
                    row.state,
                )
            )
    return result


def _secretary_tasks(viewer: Viewer, body: Body, today: datetime.date) -> list[tuple[str, str]]:
    tasks = []
    waiting, late = delegation.waiting_counts(viewer=viewer, body=body, today=today)
    if waiting:
        tasks.append(
            (
                f"{waiting} delegationsbeslut väntar på att anmälas"
                + (f", varav {late} borde redan ha anmälts" if late else ""),
                reverse("delegation:list") + "?ej_anmalda=1",
            )
        )
    communications = delegation.communication_list(viewer=viewer, body=body, unreported=True)
    if communications.exists():
        tasks.append(
            (
                counted(communications.count(), "meddelande", "meddelanden")
                + " väntar på att anmälas",
                reverse("delegation:list") + "?ej_anmalda=1",
            )
        )
    return tasks


def _people_tasks(viewer: Viewer, body: Body) -> list[tuple[str, str]]:
    groups = elections.resignations_by_stage(viewer=viewer, body=body)
    open_ = len(groups["open"])
    vacant = len(groups["vacant"]) + elections.vacancies_to_fill(viewer=viewer, body=body).count()
    tasks = []
    if open_:
        text = counted(open_, "begäran", "begäranden") + " om entledigande att avgöra"
        tasks.append((text, reverse("elections:list")))
    if vacant:
        text = counted(vacant, "vakant plats", "vakanta platser") + " att fylla"
        tasks.append((text, reverse("elections:list")))
    return tasks


def _adjustment_tasks(viewer: Viewer) -> list[tuple[str, str]]:
    """The minutes the viewer, as chair or adjuster, has still to sign."""
    return [
        (
            f"Att justera: Protokoll {m.meeting.organization} {m.meeting.date.isoformat()}",
            reverse("minutes:minutes_detail", args=[m.meeting_id]),
        )
        for m in minutes_to_sign(viewer=viewer)[:20]
    ]


def waiting_for(*, viewer: Viewer, body: Body, today: datetime.date) -> Waiting:
    """The start page for `viewer`: officials see their own memos and follow-ups; registrars
    and secretaries what waits to be reported or decided; everyone inside their deadlines;
    an elected member their seats."""
    result = Waiting()
    if not viewer.is_authenticated:
        return result
    official = getattr(viewer, "official", None)
    if is_staff_member(viewer):
        if official is not None:
            result.memos = list(drafts_of(viewer=viewer, official=official, from_day=today)[:20])
        result.deadlines += _followup_deadlines(
            viewer, body, today, official.pk if official is not None else None
        )
        if can_register_cases(viewer):
            result.deadlines += _initiative_deadlines(viewer, body, today)
        if can_manage_meetings(viewer):
            result.tasks += _secretary_tasks(viewer, body, today)
        if can_manage_people(viewer):
            result.tasks += _people_tasks(viewer, body)
    result.tasks += _adjustment_tasks(viewer)
    person = getattr(viewer, "person", None)
    if person is not None:
        result.seats = list(
            membership_list(viewer=viewer)
            .filter(person=person, start__lte=today)
            .exclude(end__lt=today)
        )
        upcoming = meeting_list(viewer=viewer).filter(
            date__gte=today, organization__in=[seat.organization for seat in result.seats]
        )
        for meeting in upcoming[:5]:
            state = deadline_state(meeting.date, today, settings.KANSLI_FOLLOWUP_WARN_DAYS)
            result.deadlines.append(
                Deadline(
                    meeting.date,
                    f"Sammanträde: {meeting.organization}",
                    reverse("meetings:meeting_detail", args=[meeting.pk]),
                    state,
                )
            )
    result.deadlines.sort(key=lambda deadline: (deadline.day, deadline.what))
    return result
