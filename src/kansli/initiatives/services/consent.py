"""The proposer's consent to publication of their name. A citizen proposal's proposer is a
private person: the agenda, the reports of undecided initiatives and the public portal name
them only with consent (Initiative.public_from). When the consent changes, the items that
name the proposer are written anew while no paragraph of the minutes has been written from
them; otherwise the user is told where to change the text by hand."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.meetings.models import AgendaItem
from kansli.meetings.permissions import EDIT_AGENDA
from kansli.meetings.services import agenda_item_retitle
from kansli.minutes.compiled_item import item_open_check

from ..models import Initiative
from ..permissions import KEEP_INITIATIVES
from ..rules import Step
from ..selectors import next_steps_of
from ._common import scope_of
from .announcement import announcement_title
from .register import names_in
from .report import report_item_rewrite


def _open(item: AgendaItem, what: str, notes: list[str]) -> bool:
    """Whether `item` can still be written; if not, a note on where to change it."""
    try:
        item_open_check(item)
    except ValidationError as error:
        notes.append(f"{what}: {' '.join(error.messages)}")
        return False
    return True


@transaction.atomic
def citizen_proposal_consent(
    *, actor: User | None, proposal: Initiative, publish_name: bool
) -> tuple[Initiative, list[str]]:
    """Record whether the proposer's name may be published, and write anew the announcement's
    title and the reports that are still open. Returns the proposal and notes for the user on
    what could not follow (an item whose paragraph is written, or adjusted minutes)."""
    if actor is not None:
        require(actor, KEEP_INITIATIVES)
    proposal = (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("announced_item__meeting", "case")
        .get(pk=proposal.pk)
    )
    if Step.CONSENT not in next_steps_of(proposal):
        raise ValidationError(
            "En motion är väckt av förtroendevalda och namnges alltid."
            if proposal.is_motion
            else "Förslagsställarens namn är inte registrerat."
        )
    if proposal.publish_name == publish_name:
        raise ValidationError(
            "Samtycket är redan registrerat."
            if publish_name
            else "Det finns inget samtycke att återkalla."
        )
    if not publish_name and any(
        names_in(proposal.proposer_name, text) for text in (proposal.title, proposal.case.title)
    ):
        raise ValidationError(
            "Rubriken innehåller förslagsställarens namn. Ändra rubriken innan samtycket "
            "återkallas."
        )
    notes: list[str] = []
    announced = proposal.announced_item
    to_retitle = (
        announced
        if announced is not None and _open(announced, "Anmälan på dagordningen", notes)
        else None
    )
    reports = [
        item
        for item in proposal.reports.select_related("meeting").order_by("meeting__date")
        if _open(item, f"Redovisningen {item.meeting.date.isoformat()}", notes)
    ]
    if (to_retitle is not None or reports) and actor is not None and not EDIT_AGENDA(actor):
        raise ValidationError(
            "Förslaget står på en dagordning som måste skrivas om. " + EDIT_AGENDA.refusal
        )
    proposal.publish_name = publish_name
    proposal.save(update_fields=["publish_name"])
    if to_retitle is not None:
        agenda_item_retitle(actor=actor, item=to_retitle, title=announcement_title(proposal))
        if to_retitle.memo_id is not None:
            notes.append(
                f"Punkt {to_retitle.number} har ett föredragnings-PM; kontrollera dess rubrik."
            )
    for item in reports:
        report_item_rewrite(actor=actor, item=item)
    audit_record(
        actor=actor,
        action="citizen_proposal_consent",
        obj=proposal,
        scope=scope_of(proposal),
        summary="Förslagsställaren samtycker till att namnet publiceras."
        if publish_name
        else "Förslagsställaren har återkallat sitt samtycke till att namnet publiceras.",
        changes={"publish_name": [not publish_name, publish_name]},
    )
    return proposal, notes
