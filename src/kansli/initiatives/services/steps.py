"""After the announcement: referred, left to a nämnd, decided."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Organization
from kansli.registry.models import CaseStatus
from kansli.registry.services import case_close

from .. import rules
from ..models import Initiative, InitiativeStatus, Outcome
from ..permissions import KEEP_INITIATIVES
from ..rules import Step
from ..selectors import next_steps_of
from ._common import (
    PREPARING_KINDS,
    check_day,
    check_order,
    scope_of,
    today,
)


@transaction.atomic
def initiative_refer(
    *,
    actor: User | None,
    initiative: Initiative,
    organization: Organization,
    referred_on: datetime.date,
) -> Initiative:
    """Fullmäktige referred it to a board or nämnd for preparation."""
    if actor is not None:
        require(actor, KEEP_INITIATIVES)
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if Step.REFER not in next_steps_of(initiative):
        raise ValidationError(
            f"Bara {initiative.word('en anmäld motion', 'ett anmält medborgarförslag')} kan "
            f"remitteras; läget är ”{initiative.get_status_display()}”."
        )
    if organization.body_id != initiative.body_id or organization.kind not in PREPARING_KINDS:
        raise ValidationError({"organization": "Beredningen görs av styrelsen eller en nämnd."})
    check_day(referred_on, "remissen", today())
    initiative.referred_to = organization
    initiative.referred_on = referred_on
    check_order(initiative)
    initiative.status = InitiativeStatus.REFERRED
    initiative.save(update_fields=["referred_to", "referred_on", "status"])
    audit_record(
        actor=actor,
        action="initiative_refer",
        obj=initiative,
        scope=scope_of(initiative),
        summary=f"Remitterad till {organization.name} {referred_on.isoformat()}.",
    )
    return initiative


@transaction.atomic
def citizen_proposal_delegate(
    *,
    actor: User | None,
    proposal: Initiative,
    organization: Organization,
    delegated_on: datetime.date,
) -> Initiative:
    """Fullmäktige left the decision on a citizen proposal to a nämnd (KL 5 kap. 23 § 2 st.,
    without preparation under 34 §; corpus item 4). A motion cannot be left to a nämnd."""
    if actor is not None:
        require(actor, KEEP_INITIATIVES)
    proposal = Initiative.objects.select_for_update().get(pk=proposal.pk)
    if proposal.is_motion:
        raise ValidationError(
            "En motion avgörs av fullmäktige och kan inte överlämnas till en nämnd."
        )
    if Step.DELEGATE not in next_steps_of(proposal):
        raise ValidationError(
            "Bara ett anmält medborgarförslag kan överlämnas; läget är "
            f"”{proposal.get_status_display()}”."
        )
    if organization.body_id != proposal.body_id or organization.kind not in PREPARING_KINDS:
        raise ValidationError(
            {"organization": "Beslutet kan överlämnas till styrelsen eller en nämnd."}
        )
    check_day(delegated_on, "överlämnandet", today())
    proposal.delegated_to = organization
    proposal.delegated_on = delegated_on
    check_order(proposal)
    proposal.status = InitiativeStatus.DELEGATED
    proposal.save(update_fields=["delegated_to", "delegated_on", "status"])
    audit_record(
        actor=actor,
        action="citizen_proposal_delegate",
        obj=proposal,
        scope=scope_of(proposal),
        summary=f"Fullmäktige överlämnade beslutet till {organization.name} "
        f"{delegated_on.isoformat()}.",
    )
    return proposal


@transaction.atomic
def initiative_decide(
    *,
    actor: User | None,
    initiative: Initiative,
    outcome: str,
    decided_on: datetime.date,
    reference: str = "",
) -> Initiative:
    """The decision: bifallen, avslagen, besvarad or avskriven. Closes the case. An
    initiative is written off only once it has been reported to fullmäktige as not prepared
    (KL 5 kap. 35 § 2 st.), which may be within its year."""
    if actor is not None:
        require(actor, KEEP_INITIATIVES)
    initiative = Initiative.objects.select_for_update().select_related("case").get(pk=initiative.pk)
    if Step.DECIDE not in next_steps_of(initiative):
        if initiative.status == InitiativeStatus.DECIDED:
            raise ValidationError(
                f"{initiative.noun.capitalize()} är redan {initiative.word('avgjord', 'avgjort')}."
            )
        raise ValidationError(
            f"{initiative.noun.capitalize()} är inte "
            f"{initiative.word('anmäld', 'anmält')} i fullmäktige än."
        )
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Välj bifallen, avslagen, besvarad eller avskriven."})
    check_day(decided_on, "beslutet", today())
    reported_on = min(
        (item.meeting.date for item in initiative.reports.select_related("meeting")),
        default=None,
    )
    if outcome == Outcome.WRITTEN_OFF and not rules.may_write_off(reported_on, decided_on):
        when = (
            f"; den första redovisningen var {reported_on.isoformat()}"
            if reported_on is not None
            else ""
        )
        raise ValidationError(
            {
                "outcome": f"{initiative.noun.capitalize()} kan skrivas av först när det har "
                "redovisats för fullmäktige att beredningen inte kunnat avslutas "
                f"(kommunallagen 5 kap. 35 §){when}. Ta med "
                f"{initiative.word('den', 'det')} i redovisningen av obesvarade motioner och "
                "medborgarförslag."
            }
        )
    initiative.decided_on = decided_on
    check_order(initiative)
    initiative.outcome = outcome
    initiative.decision_reference = one_line(reference)[:200]
    initiative.status = InitiativeStatus.DECIDED
    initiative.save(update_fields=["decided_on", "outcome", "decision_reference", "status"])
    if initiative.case.status != CaseStatus.CLOSED:
        case_close(
            actor=actor,
            case=initiative.case,
            closed_on=decided_on,
            decision=initiative.decision_reference,
        )
    audit_record(
        actor=actor,
        action="initiative_decide",
        obj=initiative,
        scope=scope_of(initiative),
        summary=f"{initiative.noun.capitalize()} {Outcome(outcome).label.lower()} "
        f"{decided_on.isoformat()}"
        + (f" ({initiative.decision_reference})." if reference else "."),
    )
    return initiative
