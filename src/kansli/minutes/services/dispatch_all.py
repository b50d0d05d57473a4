"""Dispatching many decisions at once ("Expediera alla"): every dispatch whose recipient has a
known e-mail address goes by e-mail through dispatch_send, one call (and one audit row) each.

Deliberately not one transaction: each dispatch is recorded in the transaction that sends its
e-mail, so a recipient whose address is wrong or whose mail fails is reported and left
unsent while the others are sent and recorded. A dispatch already sent is never sent again.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from kansli.core.models import User

from ..models import Channel, Dispatch
from ._guard import require_secretary
from .dispatch import dispatch_send


def known_address(dispatch: Dispatch) -> str:
    """The recipient's e-mail address as Kansli knows it: the recipient organization's
    (its functional mailbox), else the recipient person's. "" when none is known."""
    for recipient in (dispatch.organization, dispatch.person):
        email = getattr(recipient, "email", "") if recipient is not None else ""
        if email and email.strip():
            return email.strip()
    return ""


@dataclass
class DispatchRun:
    """What "Expediera alla" did: sent, left for want of an address, failed (with why)."""

    sent: list[Dispatch] = field(default_factory=list)
    without_address: list[Dispatch] = field(default_factory=list)
    failed: list[tuple[Dispatch, str]] = field(default_factory=list)


def dispatch_send_all(*, actor: User | None, dispatches: Iterable[Dispatch]) -> DispatchRun:
    """Send each of `dispatches` that is not yet sent by e-mail to its recipient's known
    address (known_address). Those without one are left and listed; a refusal or a mail
    error is listed for its recipient and the rest are still sent."""
    require_secretary(actor)
    run = DispatchRun()
    for dispatch in dispatches:
        if Dispatch.objects.filter(pk=dispatch.pk, sent_at__isnull=False).exists():
            continue  # sent meanwhile (another user, an earlier run): never twice
        address = known_address(dispatch)
        if not address:
            run.without_address.append(dispatch)
            continue
        try:
            sent = dispatch_send(
                actor=actor, dispatch=dispatch, channel=Channel.EMAIL, address=address
            )
        except ValidationError as error:
            run.failed.append((dispatch, " ".join(error.messages)))
        else:
            run.sent.append(sent)
    return run
