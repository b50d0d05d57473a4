"""Items that leave the agenda: withdrawn (they stay, marked as withdrawn) or removed (as if
they had never been on it)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.memos.models import DecisionProposal

from ..locks import agenda_open_check
from ..models import AgendaItem
from ..permissions import EDIT_AGENDA
from ..selectors import items_in_sent_notice
from .agenda import locked_item, release_step, scope_of
from .agenda_order import renumber


@transaction.atomic
def agenda_item_withdraw(
    *,
    actor: User | None,
    item: AgendaItem,
    reason: str = "",
    withdraw: bool = True,
    by_minutes: bool = False,
) -> AgendaItem:
    """Let an item be withdrawn from the agenda (ärendet utgår), or bring it back
    (`withdraw=False`). It keeps its number, shows as withdrawn on the agenda and in the
    notice of changes, and is left out of the meeting book and the minutes."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    item = locked_item(item)
    agenda_open_check(item.meeting, by_minutes=by_minutes)
    reason = one_line(reason)
    if len(reason) > 300:
        raise ValidationError({"reason": "Skälet får vara högst 300 tecken."})
    if withdraw and item.is_withdrawn:
        raise ValidationError(f"Punkt {item.number} utgår redan.")
    if not withdraw and not item.is_withdrawn:
        raise ValidationError(f"Punkt {item.number} står redan på dagordningen.")
    item.withdrawn_at = timezone.now() if withdraw else None
    item.withdrawal_reason = reason if withdraw else ""
    item.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    audit_record(
        actor=actor,
        action="agenda_item_withdraw" if withdraw else "agenda_item_restore",
        obj=item,
        scope=scope_of(item.meeting_id),
        summary=(
            f"Punkt {item.number} utgår: {item.title}" + (f" ({reason})." if reason else ".")
            if withdraw
            else f"Punkt {item.number} återinfördes på dagordningen: {item.title}."
        ),
    )
    return item


@transaction.atomic
def agenda_item_remove(*, actor: User | None, item: AgendaItem) -> None:
    """Take an item off the agenda altogether, as if it had never been on it; the items after
    it move up. Refused once a notice listing it has been sent (it must then be withdrawn, so
    the members learn of it). Its memo is kept, free for another meeting."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    item = locked_item(item)
    meeting = item.meeting
    agenda_open_check(meeting)
    if item.pk in items_in_sent_notice(meeting):
        raise ValidationError(
            f"Kallelsen med punkt {item.number} är redan skickad. Låt punkten utgå i stället, "
            "så att ledamöterna får veta det."
        )
    proposal = item.proposal if item.memo_id is None else None
    number, title = item.number, item.title
    release_step(item)
    item.delete()
    if (
        proposal is not None
        and not DecisionProposal.objects.filter(pk=proposal.pk, memo__isnull=False).exists()
    ):
        proposal.delete()
    rest = list(AgendaItem.objects.filter(meeting=meeting).order_by("number"))
    renumber(meeting, rest)
    audit_record(
        actor=actor,
        action="agenda_item_remove",
        obj=meeting,
        scope=scope_of(meeting.pk),
        summary=f"Tog bort punkt {number} från dagordningen: {title}.",
    )
