"""The proposer's consent to publication of their name. A citizen proposal's proposer is a
private person: the agenda, the report of undecided initiatives and the public portal name
them only with consent (Initiative.public_proposer). When the consent changes, the items
that name the proposer are written anew while their meetings' minutes are open; adjusted
minutes are sealed and keep what was decided."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import can_register_cases
from kansli.meetings.services import agenda_item_retitle
from kansli.minutes.compiled_item import meeting_open_check

from ..models import Initiative
from ._common import DENIED, scope_of
from .announcement import announcement_title
from .report import report_item_rewrite


@transaction.atomic
def citizen_proposal_consent(
    *, actor: User | None, proposal: Initiative, publish_name: bool
) -> tuple[Initiative, list[str]]:
    """Record whether the proposer's name may be published. Returns the proposal and notes
    for the user on what could not follow (items in adjusted minutes)."""
    if actor is not None:
        require(actor, can_register_cases, DENIED)
    proposal = (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("announced_item__meeting", "reported_item__meeting")
        .get(pk=proposal.pk)
    )
    if proposal.is_motion:
        raise ValidationError("En motion är väckt av förtroendevalda och namnges alltid.")
    if not proposal.proposer_name:
        raise ValidationError("Förslagsställarens namn är inte registrerat.")
    if proposal.publish_name == publish_name:
        raise ValidationError(
            "Samtycket är redan registrerat." if publish_name else "Samtycke saknas redan."
        )
    proposal.publish_name = publish_name
    proposal.save(update_fields=["publish_name"])
    notes = []
    item = proposal.announced_item
    if item is not None:
        try:
            meeting_open_check(item.meeting)
        except ValidationError:
            notes.append(
                f"Punkt {item.number} på {item.meeting} ingår i ett justerat protokoll och "
                "ändras inte."
            )
        else:
            agenda_item_retitle(actor=actor, item=item, title=announcement_title(proposal))
    reported = proposal.reported_item
    if reported is not None:
        try:
            meeting_open_check(reported.meeting)
        except ValidationError:
            notes.append(
                f"Redovisningen under punkt {reported.number} på {reported.meeting} ingår i ett "
                "justerat protokoll och ändras inte."
            )
        else:
            report_item_rewrite(actor=actor, item=reported)
    audit_record(
        actor=actor,
        action="citizen_proposal_consent",
        obj=proposal,
        scope=scope_of(proposal),
        summary="Förslagsställaren samtycker till att namnet publiceras."
        if publish_name
        else "Förslagsställaren samtycker inte till att namnet publiceras.",
        changes={"publish_name": [not publish_name, publish_name]},
    )
    return proposal, notes
