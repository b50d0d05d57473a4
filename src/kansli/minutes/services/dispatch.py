"""Dispatch (expediering): sending each decision to each of its recipients, recorded."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.postal import address_lines, is_postal_address
from kansli.registry.models import Document, DocumentKind

from ..document import IntegrityError, extract_pdf
from ..models import Channel, Dispatch
from ._guard import require_secretary
from .record import register_extract


@transaction.atomic
def dispatch_send(
    *,
    actor: User | None,
    dispatch: Dispatch,
    channel: str,
    address: str = "",
    now: datetime.datetime | None = None,
) -> Dispatch:
    """Send one decision to one recipient: by e-mail (the extract attached, through
    Django's mail framework), or record that it went by letter or internal mail."""
    require_secretary(actor)
    dispatch = (
        Dispatch.objects.select_for_update(of=("self",))
        .select_related("paragraph__minutes__meeting__organization", "organization")
        .get(pk=dispatch.pk)
    )
    letter_lines = address_lines(address)
    address = ", ".join(letter_lines) if channel == Channel.LETTER else " ".join(address.split())
    errors: dict[str, str] = {}
    if dispatch.is_sent:
        raise ValidationError(f"Beslutet är redan expedierat till {dispatch.recipient}.")
    if not dispatch.paragraph.is_locked:
        raise ValidationError("Beslutet kan expedieras först när paragrafen är justerad.")
    if channel not in Channel.values:
        errors["channel"] = "Välj e-post, brev eller internpost."
    elif channel == Channel.EMAIL:
        if not address:
            errors["address"] = f"{dispatch.recipient} saknar e-postadress. Ange en adress."
        else:
            try:
                validate_email(address)
            except ValidationError:
                errors["address"] = f"”{address[:80]}” är ingen giltig e-postadress."
    elif channel == Channel.LETTER and not address:
        errors["address"] = f"{dispatch.recipient} saknar postadress. Ange en adress."
    elif channel == Channel.LETTER and not is_postal_address("\n".join(letter_lines)):
        errors["address"] = (
            f"”{address[:80]}” är ingen fullständig postadress. Ange gatu- eller boxadress "
            "och postnummer med ort, på egna rader eller med kommatecken emellan, t.ex. "
            "”Box 1613, 701 16 Örebro”; utomlands sist landet."
        )
    if len(address) > 400:
        errors["address"] = "Adressen får vara högst 400 tecken."
    if errors:
        raise ValidationError(errors)
    if channel == Channel.INTERNAL and not address:
        address = dispatch.recipient
    dispatch.channel = channel
    dispatch.address = address
    dispatch.sent_at = now or timezone.now()
    dispatch.sent_by = actor if actor is not None and actor.pk else None
    try:
        pdf = extract_pdf([dispatch.paragraph])
    except IntegrityError as error:  # the adjusted minutes no longer match their hash
        raise ValidationError(str(error)) from error
    dispatch.document = _register_sent_extract(dispatch, pdf)
    try:
        _record_sent(actor, dispatch, channel, pdf)
    except BaseException:
        # The transaction rolls the rows back; the stored file goes with them.
        if dispatch.document is not None:
            dispatch.document.file.storage.delete(dispatch.document.file.name)
        raise
    return dispatch


def _record_sent(actor: User | None, dispatch: Dispatch, channel: str, pdf: bytes) -> None:
    """The dispatch's row, its audit rows and, by e-mail, the message: sent last, inside
    the transaction, so that a failure rolls the record back."""
    dispatch.full_clean()
    dispatch.save()
    paragraph = dispatch.paragraph
    case = paragraph.case
    audit_record(
        actor=actor,
        action="dispatch_send",
        obj=dispatch,
        scope=f"meeting:{dispatch.paragraph.minutes.meeting_id}",
        also_in=[f"case:{case.pk}"] if case is not None and not case.is_secret else [],
        summary=f"Expedierade {paragraph.label} till {dispatch.recipient} "
        f"({Channel(channel).label.lower()}).",
    )
    if case is not None and case.is_secret:
        # A secret case's history names no recipient (often a private person).
        audit_record(
            actor=actor,
            action="dispatch_send",
            obj=dispatch,
            scope=f"case:{case.pk}",
            summary=f"Expedierade {paragraph.label} ({Channel(channel).label.lower()}).",
        )
    if channel == Channel.EMAIL:
        _send_email(dispatch, pdf)


def _register_sent_extract(dispatch: Dispatch, pdf: bytes) -> Document | None:
    """The extract as sent, an outgoing document (utgående) in the paragraph's case, dated
    the day it went, addressed to its recipient. Registered by the system on the
    dispatcher's behalf: the dispatch's own audit row names who sent it."""
    if dispatch.paragraph.case is None:
        return None
    assert dispatch.sent_at is not None
    return register_extract(
        dispatch.paragraph,
        pdf,
        kind=DocumentKind.OUTGOING,
        day=timezone.localdate(dispatch.sent_at),
        counterpart=dispatch.recipient,
    )


def _send_email(dispatch: Dispatch, pdf: bytes) -> None:
    """Sent last, inside the transaction: a failure rolls the record back."""
    paragraph = dispatch.paragraph
    meeting = paragraph.minutes.meeting
    subject = (
        f"Protokollsutdrag {meeting.organization} {meeting.date.isoformat()} {paragraph.label}"
    )
    body = (
        f"Hej,\n\nHär kommer protokollsutdraget för {paragraph.label} {paragraph.title} från "
        f"{meeting.organization}s sammanträde {meeting.date.isoformat()}.\n\n"
        f"Med vänlig hälsning\n{paragraph.minutes.secretary_name or meeting.organization}\n"
    )
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[dispatch.address],
    )
    message.attach(
        f"protokollsutdrag-{paragraph.year}-{paragraph.number}.pdf",
        pdf,
        "application/pdf",
    )
    try:
        message.send()
    except OSError as error:
        raise ValidationError(f"E-posten kunde inte skickas: {error}") from error
