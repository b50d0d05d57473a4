"""Reads of meetings and agendas. Non-public items are shown only to staff and members."""

from django.db.models import Prefetch, QuerySet

from kansli.core.roles import Viewer, is_member_or_staff
from kansli.memos.models import Clause
from kansli.registry.models import Case

from .models import AgendaItem, Meeting


def meeting_list(*, viewer: Viewer | None, organization_id: int | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("organization")
    if organization_id:
        meetings = meetings.filter(organization_id=organization_id)
    return meetings.order_by("-date", "-start_time")


def meeting_get(*, viewer: Viewer | None, pk: int) -> Meeting:
    return Meeting.objects.select_related("organization__body").get(pk=pk)


def agenda(*, viewer: Viewer | None, meeting: Meeting) -> list[AgendaItem]:
    """The agenda in order; the public sees only the public items."""
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("case", "proposal")
        .prefetch_related(
            Prefetch("proposal__clauses", queryset=Clause.objects.order_by("position"))
        )
    )
    if not is_member_or_staff(viewer):
        items = items.filter(is_public=True)
    return list(items.order_by("number"))


def agenda_for_book(*, meeting: Meeting, public_only: bool) -> list[AgendaItem]:
    """The agenda as a meeting book prints it, with each item's memo. The edition, not a
    viewer, decides: the members' edition holds every item, the public one only public items."""
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("case", "proposal", "memo__organization", "memo__proposal")
        .prefetch_related(
            Prefetch("proposal__clauses", queryset=Clause.objects.order_by("position")),
            "memo__sections",
            "memo__recipients__person__party",
            "memo__recipients__organization",
            Prefetch("memo__proposal__clauses", queryset=Clause.objects.order_by("position")),
        )
    )
    if public_only:
        items = items.filter(is_public=True)
    return list(items.order_by("number"))


def agenda_items_for_case(*, viewer: Viewer | None, case: Case) -> list[AgendaItem]:
    """The agenda items a case has been on, oldest meeting first."""
    items = AgendaItem.objects.filter(case=case).select_related("meeting__organization")
    if not is_member_or_staff(viewer):
        items = items.filter(is_public=True)
    return list(items.order_by("meeting__date", "number"))
