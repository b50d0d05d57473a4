"""The order of a meeting's agenda: the items dragged into a new order, or one moved a step."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require

from ..locks import agenda_open_check
from ..models import AgendaItem, Meeting
from ..permissions import EDIT_AGENDA
from .agenda import scope_of


def renumber(meeting: Meeting, ordered: list[AgendaItem]) -> None:
    """Give the items the numbers 1…n in the given order (two steps, so that no moment has
    two items with one number)."""
    shift = max((i.number for i in ordered), default=0) + len(ordered) + 1
    AgendaItem.objects.filter(meeting=meeting).update(number=F("number") + shift)
    for position, item in enumerate(ordered, start=1):
        AgendaItem.objects.filter(pk=item.pk).update(number=position)
        item.number = position


@transaction.atomic
def agenda_reorder(*, actor: User | None, meeting: Meeting, order: list[int]) -> list[AgendaItem]:
    """Put the agenda in a new order: `order` holds every item's id once, first item first.
    The items are numbered 1…n."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    agenda_open_check(meeting)
    items = {i.pk: i for i in AgendaItem.objects.filter(meeting=meeting)}
    if len(order) != len(set(order)) or set(order) != set(items):
        raise ValidationError(
            "Ordningen ska innehålla varje punkt på dagordningen precis en gång. "
            "Ladda om sidan och försök igen."
        )
    before = [items[pk].number for pk in order]
    if before == sorted(before) and before == list(range(1, len(before) + 1)):
        return [items[pk] for pk in order]
    ordered = [items[pk] for pk in order]
    renumber(meeting, ordered)
    audit_record(
        actor=actor,
        action="agenda_reorder",
        obj=meeting,
        scope=scope_of(meeting.pk),
        summary="Ändrade ordningen på dagordningen: "
        + ", ".join(f"{b}→{n}" for n, b in enumerate(before, start=1) if b != n)
        + ".",
        changes={"order": [before, list(range(1, len(before) + 1))]},
    )
    return ordered


def agenda_item_move(*, actor: User | None, item: AgendaItem, step: int) -> list[AgendaItem]:
    """Move an item one place up (step -1) or down (+1): a reorder of the whole agenda."""
    items = list(AgendaItem.objects.filter(meeting_id=item.meeting_id).order_by("number"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(items):
        raise ValidationError(
            f"Punkt {item.number} står redan {'först' if step < 0 else 'sist'} på dagordningen."
        )
    items[index], items[target] = items[target], items[index]
    return agenda_reorder(actor=actor, meeting=item.meeting, order=[other.pk for other in items])
