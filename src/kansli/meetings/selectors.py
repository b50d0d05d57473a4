"""Reads of meetings and agendas. Non-public items are shown only to staff and members."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Prefetch, Q, QuerySet

from kansli.core.roles import Viewer, is_member_or_staff
from kansli.memos.models import Clause, MemoStatus
from kansli.people.models import Person
from kansli.people.selectors import memberships_on
from kansli.registry.models import Case
from kansli.registry.selectors import case_list, may_see_secrets_of

from .models import (
    AgendaItem,
    Announcement,
    BookEdition,
    BookStatus,
    CaseStep,
    DeliveryStatus,
    Meeting,
    MeetingBook,
    NoticeDelivery,
    NoticeKind,
    NoticeSending,
)
from .notice_content import changes_between, snapshot
from .permissions import MAKE_BOOKS, SEND_NOTICES


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
        .select_related("case", "proposal", "memo")
        .prefetch_related(
            Prefetch("proposal__clauses", queryset=Clause.objects.order_by("position"))
        )
    )
    if not is_member_or_staff(viewer):
        items = items.filter(is_public=True)
    return list(items.order_by("number"))


def agenda_for_book(*, meeting: Meeting, public_only: bool) -> list[AgendaItem]:
    """The agenda as a meeting book prints it, with each item's memo; withdrawn items are left
    out. The edition, not a viewer, decides: the members' edition holds every item, the public
    one only public items."""
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
    return list(items.filter(withdrawn_at__isnull=True).order_by("number"))


def agenda_items_for_case(*, viewer: Viewer | None, case: Case) -> list[AgendaItem]:
    """The agenda items a case has been on, oldest meeting first."""
    items = AgendaItem.objects.filter(case=case).select_related("meeting__organization")
    if not is_member_or_staff(viewer):
        items = items.filter(is_public=True)
    return list(items.order_by("meeting__date", "number"))


def case_page_agenda_items(*, viewer: Viewer, case: Case) -> dict[str, list[AgendaItem]]:
    """What a case's page (kansli.registry) shows from the meetings: `agenda_items`."""
    return {"agenda_items": agenda_items_for_case(viewer=viewer, case=case)}


def agenda_item_get(*, viewer: Viewer | None, meeting: Meeting, number: int) -> AgendaItem:
    """One item of a meeting; a non-public item only for staff and members."""
    items = AgendaItem.objects.filter(meeting=meeting).select_related(
        "case", "proposal", "memo__organization", "memo__proposal", "meeting__organization"
    )
    if not is_member_or_staff(viewer):
        items = items.filter(is_public=True)
    return items.get(number=number)


def memo_visible(*, viewer: Viewer | None, item: AgendaItem) -> bool:
    """Whether the viewer may read the item's memo: the public only a memo marked ready;
    a memo in a case under secrecy only those who may see the case's secrets."""
    if item.memo is None:
        return False
    if not is_member_or_staff(viewer) and item.memo.status != MemoStatus.READY:
        return False  # the public reads a memo once it is marked ready, never a draft
    if item.case is not None and item.case.is_secret:
        return may_see_secrets_of(viewer, item.case)
    return True


def book_list(*, viewer: Viewer | None, meeting: Meeting) -> list[MeetingBook]:
    """The builds of a meeting's book, newest first: all for those who build them, the
    finished ones for members, the finished public edition for everyone else."""
    books = MeetingBook.objects.filter(meeting=meeting).select_related(
        "document__case", "requested_by"
    )
    if MAKE_BOOKS(viewer):
        return list(books[:10])
    books = books.filter(status=BookStatus.DONE)
    if not is_member_or_staff(viewer):
        books = books.filter(edition=BookEdition.PUBLIC)
    return list(books[:4])


def book_get(*, viewer: Viewer | None, pk: int) -> MeetingBook:
    books = MeetingBook.objects.select_related("document__case", "meeting")
    if not MAKE_BOOKS(viewer):
        books = books.filter(status=BookStatus.DONE)
        if not is_member_or_staff(viewer):
            books = books.filter(edition=BookEdition.PUBLIC)
    return books.get(pk=pk)


def agenda_items_visible(*, viewer: Viewer | None) -> QuerySet[AgendaItem]:
    """Every agenda item the viewer may see, of all meetings: the public sees public items
    only. Narrow it with filter() (one item by pk, the items of a page of meetings)."""
    items = AgendaItem.objects.select_related("meeting__organization", "case")
    if not is_member_or_staff(viewer):
        items = items.filter(is_public=True)
    return items.order_by("meeting", "number")


def case_steps_visible(*, viewer: Viewer | None) -> QuerySet[CaseStep]:
    """The passages of cases through organizations (OParl Consultation) the viewer may see:
    the case must be visible to the viewer, and a step on an agenda item only when the item
    is (a non-public item's step is hidden from the public altogether)."""
    steps = CaseStep.objects.filter(case__in=case_list(viewer=viewer).values("pk")).select_related(
        "case", "organization", "agenda_item__meeting"
    )
    if not is_member_or_staff(viewer):
        steps = steps.filter(Q(agenda_item__isnull=True) | Q(agenda_item__is_public=True))
    return steps.order_by("case", "position")


@dataclass(frozen=True)
class Recipient:
    person: Person
    is_member: bool


def recipients_of(meeting: Meeting) -> list[Recipient]:
    """Everyone called (members) or informed (substitutes) on the meeting's day, in the
    order the notice lists them. Who sits where is public."""
    members, substitutes = memberships_on(
        viewer=None, organization=meeting.organization, day=meeting.date
    )
    seen: set[int] = set()
    result = []
    for membership, is_member in [(m, True) for m in members] + [(m, False) for m in substitutes]:
        if membership.person_id not in seen:
            seen.add(membership.person_id)
            result.append(Recipient(membership.person, is_member))
    return result


@dataclass(frozen=True)
class NoticeRow:
    """One member or substitute and what became of the notice to them."""

    person: Person
    is_member: bool
    status: str  # a DeliveryStatus value, or "" when nothing has been sent to them
    status_label: str
    address: str
    error: str


@dataclass(frozen=True)
class NoticeSummary:
    rows: list[NoticeRow]
    sendings: list[NoticeSending]
    changes: list[str]  # what changed since the last sending, not yet told

    @property
    def sent(self) -> int:
        return sum(1 for row in self.rows if row.status == DeliveryStatus.SENT)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def is_sent(self) -> bool:
        return any(s.kind == NoticeKind.NOTICE for s in self.sendings)


def items_in_sent_notice(meeting: Meeting) -> set[int]:
    """The ids of the items a notice sent to the members listed (they are withdrawn, not
    removed, so that the members learn of it)."""
    return {
        entry["id"]
        for sending in meeting.notice_sendings.filter(kind=NoticeKind.NOTICE)
        for entry in sending.snapshot.get("items", [])
    }


def _not_sent_label(address: str) -> str:
    """Why the notice would not reach someone who has not had it, or that it has not been sent."""
    if not address.strip():
        return DeliveryStatus.NO_ADDRESS.label
    try:
        validate_email(address.strip())
    except ValidationError:
        return DeliveryStatus.INVALID.label
    return "Inte skickad"


def notice_summary(*, viewer: Viewer | None, meeting: Meeting) -> NoticeSummary | None:
    """Who has had the notice and what has changed since: for those who manage meetings
    (the addresses and the bounces are theirs to see), None for everyone else."""
    if not SEND_NOTICES(viewer):
        return None
    latest: dict[int, NoticeDelivery] = {}
    for delivery in NoticeDelivery.objects.filter(
        sending__meeting=meeting, sending__kind=NoticeKind.NOTICE
    ).order_by("sending__sent_at", "pk"):
        if latest.get(delivery.person_id) is None or (
            latest[delivery.person_id].status != DeliveryStatus.SENT
        ):
            latest[delivery.person_id] = delivery
    rows = []
    for recipient in recipients_of(meeting):
        found = latest.get(recipient.person.pk)
        rows.append(
            NoticeRow(
                person=recipient.person,
                is_member=recipient.is_member,
                status=found.status if found else "",
                status_label=found.get_status_display()
                if found
                else _not_sent_label(recipient.person.email),
                address=found.address if found else recipient.person.email,
                error=found.error if found else "",
            )
        )
    sendings = list(meeting.notice_sendings.select_related("sent_by").order_by("sent_at", "pk"))
    changes: list[str] = []
    if sendings:
        items = list(AgendaItem.objects.filter(meeting=meeting).order_by("number"))
        changes = changes_between(sendings[-1].snapshot, snapshot(meeting, items))
    return NoticeSummary(rows=rows, sendings=sendings, changes=changes)


def current_announcements(meeting: Meeting) -> list[Announcement]:
    """The meeting's announcements still up (not replaced by a new one after a move)."""
    return list(meeting.announcements.filter(superseded=False).order_by("posted_on", "pk"))


def announced_items(meeting: Meeting) -> set[int]:
    """The ids of the items the meeting's current announcements have named."""
    return {entry["id"] for a in current_announcements(meeting) for entry in a.items}


def announcement_outdated(meeting: Meeting, announcements: list[Announcement]) -> bool:
    """The meeting has moved (day, time or place) since it was announced."""
    return bool(announcements) and any(
        (a.meeting_date, a.start_time, a.place) != (meeting.date, meeting.start_time, meeting.place)
        for a in announcements
    )


def announcements_of(*, viewer: Viewer | None, meeting: Meeting) -> list[Announcement]:
    """The meeting's announcements on the notice board; public."""
    return list(meeting.announcements.order_by("posted_on", "pk"))


def announcements_on_board(
    *, viewer: Viewer | None, today: datetime.date
) -> QuerySet[Announcement]:
    """Council meetings announced on the notice board (KL 5 kap. 13–14 §§ and 8 kap. 10 §):
    up from the posting day until the meeting day has passed. Public."""
    return (
        Announcement.objects.filter(posted_on__lte=today, meeting_date__gte=today, superseded=False)
        .select_related("meeting")
        .order_by("meeting_date", "posted_on", "pk")
    )
