"""Writes for meetings: create, change (move to another day, time or place) and cancel.

A change of day, time or place after the notice was sent is told to the members with a notice
of the change (services.notice.notice_change_send); `sequence` counts such changes so that
calendars holding the meeting update it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.confirm import NeedsConfirmation
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.memos.models import Memo
from kansli.people.models import Organization, OrganizationKind
from kansli.people.selectors import memberships_on

from ..locks import agenda_lock
from ..models import Meeting, NoticeKind
from ..permissions import MANAGE_MEETINGS


def _problems(
    organization: Organization,
    start_time: datetime.time,
    end_time: datetime.time | None,
    place: str,
    absence_contact: str,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if organization.kind == OrganizationKind.EXTERNAL:
        errors["organization"] = (
            f"{organization} är ett externt organ; dess sammanträden förs inte i Kansli."
        )
    if not place:
        errors["place"] = "Ange plats för sammanträdet."
    elif len(place) > 300:
        errors["place"] = "Platsen får vara högst 300 tecken."
    if len(absence_contact) > 300:
        errors["absence_contact"] = "Högst 300 tecken."
    if end_time is not None and end_time <= start_time:
        errors["end_time"] = "Sluttiden måste vara efter starttiden."
    return errors


@transaction.atomic
def meeting_create(
    *,
    actor: User | None,
    organization: Organization,
    date: datetime.date,
    start_time: datetime.time,
    place: str,
    end_time: datetime.time | None = None,
    absence_contact: str = "",
) -> Meeting:
    if actor is not None:
        require(actor, MANAGE_MEETINGS)
    place, absence_contact = one_line(place), one_line(absence_contact)
    errors = _problems(organization, start_time, end_time, place, absence_contact)
    if errors:
        raise ValidationError(errors)
    meeting = Meeting(
        organization=organization,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place,
        absence_contact=absence_contact,
    )
    meeting.full_clean()
    meeting.save()
    audit_record(
        actor=actor,
        action="meeting_create",
        obj=meeting,
        scope=f"meeting:{meeting.pk}",
        summary=f"Skapade sammanträde: {organization} {date.isoformat()} "
        f"kl. {start_time:%H:%M}, {place}.",
    )
    return meeting


def _fixed_reason(meeting: Meeting, what: str) -> str:
    """Why the meeting can no longer be changed, or ""."""
    lock = agenda_lock(meeting)
    if lock is None:
        return ""
    if meeting.is_cancelled:
        return lock.reason
    return f"Protokollet är påbörjat; sammanträdet kan inte {what}."


def _move_questions(
    meeting: Meeting, date: datetime.date, start_time: datetime.time, place: str
) -> list[str]:
    """What the user is asked before a meeting moves: a day already passed once the notice
    is out, a day on which the organization has nobody seated, a council meeting announced
    with the old time or place."""
    questions: list[str] = []
    if date == meeting.date and start_time == meeting.start_time and place == meeting.place:
        return questions
    notice_sent = meeting.notice_sendings.filter(kind=NoticeKind.NOTICE).exists()
    if notice_sent and date != meeting.date and date < timezone.localdate():
        questions.append(
            f"Kallelsen är redan skickad, och den {date.isoformat()} har redan varit. "
            "Vill du ändå flytta sammanträdet dit (till exempel för att rätta ett "
            "felskrivet datum)?"
        )
    if (
        date != meeting.date
        and not memberships_on(viewer=None, organization=meeting.organization, day=date)[0]
    ):
        questions.append(
            f"{meeting.organization} har inga ledamöter den {date.isoformat()}. Är datumet rätt?"
        )
    if meeting.announcements.filter(superseded=False).exists():
        questions.append(
            "Sammanträdet är tillkännagivet på anslagstavlan med den gamla tiden och platsen. "
            "Flytta det ändå? Tillkännage det sedan på nytt (kommunallagen 5 kap. 13 §)."
        )
    return questions


@transaction.atomic
def meeting_update(
    *,
    actor: User | None,
    meeting: Meeting,
    date: datetime.date,
    start_time: datetime.time,
    place: str,
    end_time: datetime.time | None = None,
    absence_contact: str = "",
    confirmed: bool = False,
) -> tuple[Meeting, list[str]]:
    """Change a meeting: move it to another day, time or place, or mend its details. Returns
    the meeting and the names of the fields that changed. Refused once the minutes are started
    or the meeting is cancelled; moving it to a day already passed after its notice was sent is
    asked about first (`confirmed`)."""
    if actor is not None:
        require(actor, MANAGE_MEETINGS)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=meeting.pk)
    )
    reason = _fixed_reason(meeting, "flyttas eller ändras")
    if reason:
        raise ValidationError(reason)
    place, absence_contact = one_line(place), one_line(absence_contact)
    errors = _problems(meeting.organization, start_time, end_time, place, absence_contact)
    if errors:
        raise ValidationError(errors)
    after = {
        "date": date,
        "start_time": start_time,
        "end_time": end_time,
        "place": place,
        "absence_contact": absence_contact,
    }
    changed = [field for field, value in after.items() if getattr(meeting, field) != value]
    if not changed:
        return meeting, []
    questions = _move_questions(meeting, date, start_time, place)
    if questions and not confirmed:
        raise NeedsConfirmation(questions)
    old_date = meeting.date
    before = {field: str(getattr(meeting, field) or "") for field in changed}
    for field, value in after.items():
        setattr(meeting, field, value)
    if {"date", "start_time", "end_time", "place"} & set(changed):
        meeting.sequence += 1
    meeting.full_clean()
    meeting.save()
    # The memos written for this meeting carry its date in their header: they move with it.
    redated = Memo.objects.filter(agenda_item__meeting=meeting, meeting_date=old_date).update(
        meeting_date=meeting.date
    )
    moved = {"date", "start_time", "place"} & set(changed)
    audit_record(
        actor=actor,
        action="meeting_move" if moved else "meeting_update",
        obj=meeting,
        scope=f"meeting:{meeting.pk}",
        summary=(
            f"Flyttade sammanträdet till {meeting.date.isoformat()} kl. "
            f"{meeting.start_time:%H:%M}, {meeting.place}."
            + (f" {redated} PM följer med till det nya datumet." if redated else "")
            if moved
            else "Ändrade uppgifterna om sammanträdet."
        ),
        changes={field: [before[field], str(after[field] or "")] for field in changed},
    )
    return meeting, changed


@transaction.atomic
def meeting_cancel(*, actor: User | None, meeting: Meeting, reason: str = "") -> Meeting:
    """Cancel a meeting (inställt). It stays in the calendar, marked as cancelled, for those
    who had it; refused once its minutes are started."""
    if actor is not None:
        require(actor, MANAGE_MEETINGS)
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError("Sammanträdet är redan inställt.")
    fixed = _fixed_reason(meeting, "ställas in")
    if fixed:
        raise ValidationError(fixed)
    reason = one_line(reason)
    if len(reason) > 300:
        raise ValidationError({"reason": "Skälet får vara högst 300 tecken."})
    meeting.cancelled_at = timezone.now()
    meeting.cancellation_reason = reason
    meeting.sequence += 1
    meeting.save(update_fields=["cancelled_at", "cancellation_reason", "sequence"])
    audit_record(
        actor=actor,
        action="meeting_cancel",
        obj=meeting,
        scope=f"meeting:{meeting.pk}",
        summary=f"Ställde in sammanträdet {meeting}" + (f": {reason}." if reason else "."),
    )
    return meeting
