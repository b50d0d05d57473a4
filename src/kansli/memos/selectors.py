"""Reads of memos, for a viewer."""

import datetime

from django.db.models import QuerySet

from kansli.core.roles import Viewer, is_staff_member
from kansli.people.models import Official

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
