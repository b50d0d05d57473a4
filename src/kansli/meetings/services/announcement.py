"""The announcement (tillkännagivande) of a council meeting on the notice board: time, place
and the items to be handled, at least a week before (KL 5 kap. 13 §); items too urgent for it
in a supplement by the weekday before (KL 5 kap. 14 §)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.confirm import NeedsConfirmation
from kansli.core.formatting import counted
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import OrganizationKind

from .. import rules
from ..locks import agenda_lock
from ..models import AgendaItem, Announcement, Meeting
from ..notice_content import NOT_PUBLIC
from ..permissions import ANNOUNCE_MEETINGS
from ..selectors import announced_items, announcement_outdated, current_announcements


@dataclass(frozen=True)
class AnnouncementPlan:
    """What posting now would put up: all items (the first announcement, or a new one after
    the meeting moved) or a supplement with the items added since."""

    current: list[Announcement]
    moved: bool
    items: list[AgendaItem]

    @property
    def supplement(self) -> bool:
        return bool(self.current) and not self.moved


def announcement_plan(meeting: Meeting) -> AnnouncementPlan:
    current = current_announcements(meeting)
    moved = announcement_outdated(meeting, current)
    announced = announced_items(meeting) if current and not moved else set()
    items = [
        item
        for item in AgendaItem.objects.filter(meeting=meeting, withdrawn_at__isnull=True).order_by(
            "number"
        )
        if item.pk not in announced
    ]
    return AnnouncementPlan(current, moved, items)


@transaction.atomic
def announcement_post(
    *,
    actor: User | None,
    meeting: Meeting,
    posted_on: datetime.date | None = None,
    confirmed: bool = False,
) -> Announcement:
    """Post the announcement of a council meeting on the notice board; once it is posted,
    a second posting is a supplement naming the items added since — or, when the meeting has
    moved since, a new announcement of all items that replaces the old. Posting later than the
    statute's day is asked about first (`confirmed`): a late announcement still beats none."""
    if actor is not None:
        require(actor, ANNOUNCE_MEETINGS)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=meeting.pk)
    )
    if meeting.organization.kind != OrganizationKind.COUNCIL:
        raise ValidationError(
            "Bara fullmäktiges sammanträden tillkännages på anslagstavlan (KL 5 kap. 13 §); "
            f"{meeting.organization} kallar sina ledamöter med kallelsen."
        )
    if meeting.is_cancelled or agenda_lock(meeting) is not None:
        raise ValidationError(
            "Sammanträdet är inställt eller redan hållet och kan inte tillkännages."
        )
    posted_on = posted_on or timezone.localdate()
    if posted_on > meeting.date:
        raise ValidationError("Tillkännagivandet kan inte sättas upp efter sammanträdesdagen.")
    plan = announcement_plan(meeting)
    current, moved, supplement, items = plan.current, plan.moved, plan.supplement, plan.items
    if not items:
        raise ValidationError(
            "Alla ärenden på dagordningen är redan tillkännagivna."
            if supplement
            else "Dagordningen är tom. Lägg till ärendena innan sammanträdet tillkännages."
        )
    if (
        not rules.announcement_in_time(posted_on, meeting.date, supplement=supplement)
        and not confirmed
    ):
        latest = (
            rules.urgent_announcement_latest_day(meeting.date)
            if supplement
            else rules.announcement_latest_day(meeting.date)
        )
        paragraph = "5 kap. 14 §" if supplement else "5 kap. 13 §"
        raise NeedsConfirmation(
            [
                f"Enligt kommunallagen ({paragraph}) skulle tillkännagivandet ha satts upp "
                f"senast {latest.isoformat()}. Vill du ändå sätta upp det nu?"
            ]
        )
    announcement = Announcement(
        meeting=meeting,
        supplement=supplement,
        organization_name=meeting.organization.name,
        meeting_date=meeting.date,
        start_time=meeting.start_time,
        place=meeting.place,
        items=[
            {
                "id": item.pk,
                "number": item.number,
                "title": item.title if item.is_public else NOT_PUBLIC,
            }
            for item in items
        ],
        posted_on=posted_on,
        posted_by=actor if actor is not None and actor.pk else None,
    )
    announcement.full_clean()
    announcement.save()
    if moved:  # the old facts come down from the notice board
        meeting.announcements.filter(pk__in=[a.pk for a in current]).update(superseded=True)
    audit_record(
        actor=actor,
        action="announcement_post",
        obj=announcement,
        scope=f"meeting:{meeting.pk}",
        summary=f"Tillkännagav {'brådskande ärenden till ' if supplement else ''}"
        f"sammanträdet {'på nytt ' if moved else ''}på anslagstavlan {posted_on.isoformat()}: "
        f"{counted(len(items), 'ärende', 'ärenden')}.",
    )
    return announcement
