"""Reads of memos, for a viewer."""

import datetime

from django.db.models import QuerySet

from kansli.core.roles import Viewer, is_staff_member
from kansli.people.models import Official
from kansli.registry.selectors import case_list

from .models import Memo, MemoStatus


def drafts_of(
    *, viewer: Viewer | None, official: Official, from_day: datetime.date
) -> QuerySet[Memo]:
    """An official's memos still in draft for meetings from `from_day` on, soonest first."""
    if not is_staff_member(viewer):
        return Memo.objects.none()
    return (
        Memo.objects.filter(official=official, status=MemoStatus.DRAFT, meeting_date__gte=from_day)
        .select_related("organization", "agenda_item")
        .order_by("meeting_date", "pk")
    )


def memo_get(*, viewer: Viewer | None, pk: int) -> Memo:
    """One memo for staff, in a case they may know of; Memo.DoesNotExist otherwise."""
    if not is_staff_member(viewer):
        raise Memo.DoesNotExist
    visible = case_list(viewer=viewer).values("pk")
    return Memo.objects.filter(case__in=visible).select_related("case").get(pk=pk)
