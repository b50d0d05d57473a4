"""The announcement to fullmäktige: on the agenda, or recorded by its date."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.meetings.models import Meeting
from kansli.meetings.permissions import EDIT_AGENDA
from kansli.meetings.services import agenda_item_add
from kansli.people.models import Organization, OrganizationKind

from ..models import Initiative, InitiativeStatus
from ..permissions import KEEP_INITIATIVES
from ..rules import Step
from ..selectors import missing_facts, next_steps_of
from ._common import (
    PREPARING_KINDS,
    check_day,
    check_order,
    scope_of,
    today,
)


def announcement_title(initiative: Initiative) -> str:
    """The agenda item's title. A citizen proposal names its proposer only with consent: the
    agenda is public."""
    sender = initiative.public_from()
    kind = "motion" if initiative.is_motion else "medborgarförslag"
    return f"Anmälan av {kind}{f' från {sender}' if sender else ''}: {initiative.title}"


def announcement_clauses(initiative: Initiative, refer_to: Organization) -> list[str]:
    return [
        f"att {initiative.noun} överlämnas till {refer_to.name.lower()} för beredning",
        "att anmälan noteras till protokollet",
    ]


@transaction.atomic
def initiative_announce(
    *, actor: User | None, initiative: Initiative, meeting: Meeting, refer_to: Organization
) -> Initiative:
    """Put the announcement on fullmäktige's agenda, with the usual proposal: refer it to
    `refer_to` for preparation and note the announcement in the minutes."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    initiative = Initiative.objects.select_for_update().select_related("case").get(pk=initiative.pk)
    if Step.ANNOUNCE not in next_steps_of(initiative):
        missing = missing_facts(initiative)
        if initiative.status != InitiativeStatus.RECEIVED or not missing:
            raise ValidationError(
                f"{initiative.noun.capitalize()} är redan {initiative.word('anmäld', 'anmält')}."
            )
        raise ValidationError(
            f"Uppgifter saknas: {' och '.join(missing)}. Komplettera {initiative.noun} "
            f"innan {initiative.word('den', 'det')} anmäls; dagordningen anger vem "
            f"{initiative.word('den', 'det')} kommer från."
        )
    council = meeting.organization
    if council.kind != OrganizationKind.COUNCIL:
        raise ValidationError({"meeting": "Motioner och medborgarförslag anmäls i fullmäktige."})
    if council.body_id != initiative.body_id or refer_to.body_id != initiative.body_id:
        raise ValidationError("Sammanträdet och organet ska höra till samma huvudman.")
    if refer_to.kind not in PREPARING_KINDS:
        raise ValidationError({"refer_to": "Beredningen görs av styrelsen eller en nämnd."})
    if meeting.date < initiative.received_on:
        raise ValidationError(
            {
                "meeting": f"Sammanträdet {meeting.date.isoformat()} är före dagen "
                f"{initiative.noun} kom in ({initiative.received_on.isoformat()})."
            }
        )
    item = agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=announcement_title(initiative),
        case=initiative.case,
        formula=f"{council.name} beslutar",
        clauses=announcement_clauses(initiative, refer_to),
    )
    initiative.status = InitiativeStatus.ANNOUNCED
    initiative.announced_on = meeting.date
    initiative.announced_item = item
    initiative.referred_to = refer_to
    initiative.save(update_fields=["status", "announced_on", "announced_item", "referred_to"])
    audit_record(
        actor=actor,
        action="initiative_announce",
        obj=initiative,
        scope=scope_of(initiative),
        summary=f"Anmäls i {council.name} {meeting.date.isoformat()}, punkt {item.number}.",
    )
    return initiative


@transaction.atomic
def initiative_announcement_record(
    *, actor: User | None, initiative: Initiative, announced_on: datetime.date
) -> Initiative:
    """Record an announcement made at a meeting held outside Kansli (before it was taken into
    use, or in another system): the date only, no agenda item."""
    if actor is not None:
        require(actor, KEEP_INITIATIVES)
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.status != InitiativeStatus.RECEIVED:
        raise ValidationError(
            f"{initiative.noun.capitalize()} är redan {initiative.word('anmäld', 'anmält')}."
        )
    check_day(announced_on, "anmälan", today())
    initiative.announced_on = announced_on
    check_order(initiative)
    initiative.status = InitiativeStatus.ANNOUNCED
    initiative.save(update_fields=["announced_on", "status"])
    audit_record(
        actor=actor,
        action="initiative_announcement_record",
        obj=initiative,
        scope=scope_of(initiative),
        summary=f"Anmäld i fullmäktige {announced_on.isoformat()} (sammanträdet finns inte i "
        "Kansli).",
    )
    return initiative
