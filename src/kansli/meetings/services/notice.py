"""Sending the notice (kallelse) to the members and substitutes, and the notice of a change or
a cancellation to those who had it. Each sending is recorded per person (sent, bounced, no or
an invalid address) with an audit row; sending again sends nothing twice."""

import datetime
import smtplib

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Person

from .. import notice_mail
from ..locks import agenda_lock
from ..models import (
    AgendaItem,
    DeliveryStatus,
    Meeting,
    NoticeDelivery,
    NoticeKind,
    NoticeSending,
)
from ..notice_content import changes_between, snapshot
from ..permissions import SEND_NOTICES
from ..selectors import Recipient, recipients_of


def _attempt(person: Person) -> tuple[str, str, str]:
    """(status before sending, address, error): NO_ADDRESS, INVALID, or SENT for "try it"."""
    address = person.email.strip()
    if not address:
        return DeliveryStatus.NO_ADDRESS, "", ""
    try:
        validate_email(address)
    except ValidationError:
        return DeliveryStatus.INVALID, address, f"”{address}” är ingen giltig e-postadress."
    return DeliveryStatus.SENT, address, ""


def _last_deliveries(meeting: Meeting, kinds: list[str]) -> dict[int, NoticeDelivery]:
    """Each person's latest delivery of the given kinds of sending for this meeting."""
    latest: dict[int, NoticeDelivery] = {}
    for delivery in NoticeDelivery.objects.filter(
        sending__meeting=meeting, sending__kind__in=kinds
    ).order_by("sending__sent_at", "pk"):
        latest[delivery.person_id] = delivery
    return latest


def _check_sendable(meeting: Meeting) -> None:
    lock = agenda_lock(meeting)
    if meeting.is_cancelled:
        raise ValidationError("Sammanträdet är inställt; kallelsen kan inte skickas.")
    if lock is not None:
        raise ValidationError("Protokollet är påbörjat; det är för sent att skicka kallelser.")


def _deliver(
    *,
    actor: User | None,
    meeting: Meeting,
    kind: str,
    targets: list[tuple[Recipient, str, str, str]],
    state: dict[str, object],
    changes: list[str],
    site_url: str,
    now: datetime.datetime,
) -> NoticeSending:
    """Send to each target whose address can be tried, on one connection, and record every
    target. A recipient the server refuses is recorded as bounced; the rest are still sent.
    A server that cannot be reached refuses the whole sending (nothing is recorded)."""
    links = notice_mail.Links(site_url)
    who = actor.get_full_name() if actor is not None and actor.pk else ""
    sender = f"{who}\n{meeting.organization}" if who else str(meeting.organization)
    sending = NoticeSending.objects.create(
        meeting=meeting,
        kind=kind,
        subject=notice_mail.subject(meeting, kind),
        changes=changes,
        snapshot=state,
        sent_at=now,
        sent_by=actor if actor is not None and actor.pk else None,
    )
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except OSError as error:
        raise ValidationError(
            f"E-postservern kunde inte nås ({error}). Ingenting skickades; försök igen senare."
        ) from error
    deliveries = []
    try:
        for recipient, status, address, problem in targets:
            if status == DeliveryStatus.SENT:
                mail = notice_mail.message(
                    meeting=meeting,
                    kind=kind,
                    state=state,
                    changes=changes,
                    to=address,
                    is_member=recipient.is_member,
                    first_name=recipient.person.first_name,
                    links=links,
                    sender=sender,
                )
                mail.connection = connection
                try:
                    mail.send()
                except smtplib.SMTPRecipientsRefused as refused:
                    status, problem = DeliveryStatus.BOUNCED, _refusal(refused)
                except smtplib.SMTPException as failure:
                    status, problem = DeliveryStatus.BOUNCED, str(failure)[:500]
            deliveries.append(
                NoticeDelivery(
                    sending=sending,
                    person=recipient.person,
                    address=address,
                    status=status,
                    error=problem,
                )
            )
    finally:
        connection.close()
    NoticeDelivery.objects.bulk_create(deliveries)
    sent = sum(1 for d in deliveries if d.status == DeliveryStatus.SENT)
    failed = [
        f"{d.person} ({d.get_status_display().lower()})"
        for d in deliveries
        if d.status != DeliveryStatus.SENT
    ]
    audit_record(
        actor=actor,
        action=f"notice_send_{kind}",
        obj=sending,
        scope=f"meeting:{meeting.pk}",
        summary=f"Skickade {sending.get_kind_display().lower()} till {sent} av {len(deliveries)}"
        + (f"; ej skickat till {', '.join(failed)}." if failed else "."),
    )
    return sending


def _refusal(refused: smtplib.SMTPRecipientsRefused) -> str:
    reasons = [
        f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
        for code, text in refused.recipients.values()
    ]
    return ("Mottagarens server tog inte emot brevet: " + "; ".join(reasons))[:500]


def _agenda(meeting: Meeting) -> list[AgendaItem]:
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("number"))


@transaction.atomic
def notice_send(
    *, actor: User | None, meeting: Meeting, site_url: str, now: datetime.datetime | None = None
) -> NoticeSending:
    """ "Skicka kallelsen": every member and substitute who has not yet had the notice gets it
    by e-mail. One whose address is missing or invalid is recorded as such and tried again only
    once the address has changed. Refused when there is nobody new to send to."""
    if actor is not None:
        require(actor, SEND_NOTICES)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organization__body")
        .get(pk=meeting.pk)
    )
    _check_sendable(meeting)
    items = _agenda(meeting)
    if not items:
        raise ValidationError("Dagordningen är tom. Lägg till ärenden innan kallelsen skickas.")
    recipients = recipients_of(meeting)
    if not recipients:
        raise ValidationError(
            f"{meeting.organization} har inga ledamöter eller ersättare den "
            f"{meeting.date.isoformat()}. Lägg in dem under Mandatperioder först."
        )
    earlier = _last_deliveries(meeting, [NoticeKind.NOTICE])
    targets = []
    for recipient in recipients:
        previous = earlier.get(recipient.person.pk)
        status, address, error = _attempt(recipient.person)
        if previous is not None and (
            previous.status == DeliveryStatus.SENT or previous.address == address
        ):
            continue  # had it, or nothing new to try
        targets.append((recipient, status, address, error))
    if not any(status == DeliveryStatus.SENT for _, status, _, _ in targets):
        missing = [str(r.person) for r, _, _, _ in targets] + [
            str(d.person) for d in earlier.values() if d.status != DeliveryStatus.SENT
        ]
        raise ValidationError(
            ("Kallelsen har redan gått till alla som kan nås. " if earlier else "")
            + "Ingen ny mottagare att skicka till"
            + (
                f"; saknar giltig e-postadress: {', '.join(sorted(set(missing)))}."
                if missing
                else "."
            )
        )
    return _deliver(
        actor=actor,
        meeting=meeting,
        kind=NoticeKind.NOTICE,
        targets=targets,
        state=snapshot(meeting, items),
        changes=[],
        site_url=site_url,
        now=now or timezone.now(),
    )


@transaction.atomic
def notice_change_send(
    *, actor: User | None, meeting: Meeting, site_url: str, now: datetime.datetime | None = None
) -> NoticeSending:
    """Tell everyone who had the notice what has changed since it (or the last notice of a
    change) was sent: a new day, time or place, items added or withdrawn — or that the meeting
    is cancelled. Refused when nothing has changed or the notice was never sent."""
    if actor is not None:
        require(actor, SEND_NOTICES)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organization__body")
        .get(pk=meeting.pk)
    )
    if not meeting.is_cancelled and agenda_lock(meeting) is not None:
        raise ValidationError("Protokollet är påbörjat; ändringar meddelas inte längre.")
    last = meeting.notice_sendings.order_by("-sent_at", "-pk").first()
    had_it = {
        person_id
        for person_id, d in _last_deliveries(meeting, [NoticeKind.NOTICE]).items()
        if d.status == DeliveryStatus.SENT
    }
    if last is None or not had_it:
        raise ValidationError(
            "Kallelsen har inte skickats till någon än; det finns ingen ändring att meddela."
        )
    state = snapshot(meeting, _agenda(meeting))
    changes = changes_between(last.snapshot, state)
    if not changes:
        raise ValidationError("Inget har ändrats sedan det senaste utskicket; inget skickades.")
    roles = {r.person.pk: r.is_member for r in recipients_of(meeting)}
    targets = []
    for person in Person.objects.filter(pk__in=had_it).order_by("last_name", "first_name"):
        status, address, error = _attempt(person)
        targets.append((Recipient(person, roles.get(person.pk, False)), status, address, error))
    kind = NoticeKind.CANCELLATION if meeting.is_cancelled else NoticeKind.CHANGE
    return _deliver(
        actor=actor,
        meeting=meeting,
        kind=kind,
        targets=targets,
        state=state,
        changes=changes,
        site_url=site_url,
        now=now or timezone.now(),
    )
