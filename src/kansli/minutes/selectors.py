"""Reads for minutes, each deciding what the viewer may see."""

import datetime

from django.db.models import Q, QuerySet

from kansli.core.roles import Viewer, is_member_or_staff, is_staff_member
from kansli.meetings.models import CaseStep, Meeting, StepStatus
from kansli.people.models import Body, Person

from .models import Dispatch, Minutes, MinutesStatus, Paragraph, Posting, Signature


def minutes_for(*, viewer: Viewer | None, meeting: Meeting) -> Minutes | None:
    """The meeting's minutes: drafts for staff and members, adjusted minutes for all."""
    minutes = (
        Minutes.objects.filter(meeting=meeting)
        .select_related(
            "meeting__organization__body",
            "chair",
            "adjuster",
            "second_adjuster",
            "substitute_adjuster",
        )
        .first()
    )
    if minutes is None:
        return None
    if minutes.status != MinutesStatus.ADJUSTED and not is_member_or_staff(viewer):
        return None
    return minutes


def minutes_to_sign(*, viewer: Viewer | None) -> QuerySet[Minutes]:
    """Minutes not yet adjusted that the viewer, as their chair or one of their adjusters,
    has still to sign, earliest meeting first. Gone once the viewer has signed or the minutes
    are locked. (A substitute adjuster signs only in an adjuster's place: not listed.)"""
    if viewer is None or not viewer.is_authenticated or not is_member_or_staff(viewer):
        return Minutes.objects.none()
    person = Person.objects.filter(user=viewer).first()
    if person is None:
        return Minutes.objects.none()
    signed = Signature.objects.filter(person=person, paragraph__isnull=True).values("minutes_id")
    return (
        Minutes.objects.filter(locked_at__isnull=True)
        .exclude(status=MinutesStatus.ADJUSTED)
        .filter(Q(chair=person) | Q(adjuster=person) | Q(second_adjuster=person))
        .exclude(pk__in=signed)
        .select_related("meeting__organization")
        .order_by("meeting__date", "pk")
    )


def paragraph_get(*, viewer: Viewer | None, minutes: Minutes, pk: int) -> Paragraph:
    """A paragraph of minutes the viewer may read; the public reads only public ones."""
    paragraphs = Paragraph.objects.filter(minutes=minutes).select_related(
        "agenda_item", "case", "organization", "minutes__meeting"
    )
    if not is_member_or_staff(viewer):
        paragraphs = paragraphs.filter(is_public=True)
    return paragraphs.get(pk=pk)


def notice_board(*, viewer: Viewer | None, today: datetime.date) -> QuerySet[Posting]:
    """The postings on the notice board today: up from the posting date until the appeal
    period has ended (KL 8 kap. 12 §). Public."""
    return Posting.objects.filter(posted_on__lte=today, listed_until__gte=today).select_related(
        "minutes__meeting", "paragraph"
    )


def undispatched(*, viewer: Viewer | None, meeting: Meeting | None = None) -> QuerySet[Dispatch]:
    """Decisions not yet sent to a recipient; staff only."""
    if not is_staff_member(viewer):
        return Dispatch.objects.none()
    pending = Dispatch.objects.filter(sent_at__isnull=True).select_related(
        "paragraph__minutes__meeting__organization", "organization", "person"
    )
    if meeting is not None:
        pending = pending.filter(paragraph__minutes__meeting=meeting)
    return pending.order_by("paragraph__minutes__meeting__date", "paragraph__number", "position")


def dispatches_for(*, viewer: Viewer | None, minutes: Minutes) -> QuerySet[Dispatch]:
    if not is_staff_member(viewer):
        return Dispatch.objects.none()
    return Dispatch.objects.filter(paragraph__minutes=minutes).select_related(
        "paragraph", "sent_by", "organization"
    )


def cases_waiting(*, viewer: Viewer | None) -> QuerySet[CaseStep]:
    """Cases an earlier decision sent on, waiting for the next body's agenda; staff only."""
    if not is_staff_member(viewer):
        return CaseStep.objects.none()
    return (
        CaseStep.objects.filter(status=StepStatus.WAITING)
        .select_related("case", "organization", "previous__organization")
        .order_by("organization__name", "case__number")
    )


def meetings_open(*, viewer: Viewer | None, body: Body) -> QuerySet[Meeting]:
    """The body's meetings an item can still be put on: not cancelled, and with no minutes
    started (from then on items are added through the minutes), earliest first."""
    if not is_member_or_staff(viewer):
        return Meeting.objects.none()
    return (
        Meeting.objects.filter(organization__body=body, cancelled_at__isnull=True)
        .exclude(pk__in=Minutes.objects.values("meeting_id"))
        .select_related("organization")
        .order_by("date", "organization__name")
    )
