"""What waits for a viewer, by role: the viewer's own memos, seats and meetings read here,
and what each workflow app registers for the start page
(`kansli.core.extensions.register_start_panel`, decision 0018)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

from kansli.core.deadlines import deadline_state
from kansli.core.extensions import Deadline, start_items
from kansli.core.roles import Viewer, is_staff_member
from kansli.meetings.selectors import meeting_list
from kansli.memos.models import Memo
from kansli.memos.selectors import drafts_of
from kansli.people.models import Body, Membership
from kansli.people.selectors import membership_list

__all__ = ["Deadline", "Waiting", "waiting_for"]


@dataclass
class Waiting:
    """The start page's content for one viewer."""

    deadlines: list[Deadline] = field(default_factory=list)
    tasks: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    memos: list[Memo] = field(default_factory=list)
    seats: list[Membership] = field(default_factory=list)


def waiting_for(*, viewer: Viewer, body: Body, today: datetime.date) -> Waiting:
    """The start page for `viewer`: officials see their own memos; every app's registered
    tasks and deadlines the viewer's roles admit (follow-ups, initiatives, delegated decisions
    to report, elections, minutes to sign); an elected member their seats and meetings."""
    result = Waiting()
    if not viewer.is_authenticated:
        return result
    official = getattr(viewer, "official", None)
    if is_staff_member(viewer) and official is not None:
        result.memos = list(drafts_of(viewer=viewer, official=official, from_day=today)[:20])
    items = start_items(viewer=viewer, body=body, today=today)
    result.tasks += items.tasks
    result.deadlines += items.deadlines
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
