"""The posting of a delegated decision that is not reported to the body: it is kept in a
separate record, and the day that record is made known on the notice board starts the
decision's appeal period (delegation.rules.last_day_to_appeal)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import not_future
from kansli.core.models import User
from kansli.core.permissions import require

from .. import rules
from ..models import DelegatedDecision
from ..permissions import REGISTER_DECISIONS


@transaction.atomic
def delegated_decision_post(
    *, actor: User | None, decision: DelegatedDecision, posted_on: datetime.date
) -> DelegatedDecision:
    """Record the day a decision not reported to the body was made known on the notice board.
    A reported decision is refused: its period runs from the posting of the minutes it is
    reported in."""
    if actor is not None:
        require(actor, REGISTER_DECISIONS)
    decision = (
        DelegatedDecision.objects.select_for_update(of=("self",))
        .select_related("point")
        .get(pk=decision.pk)
    )
    if rules.must_be_reported(point_reported=decision.point.reported, urgent=decision.urgent):
        raise ValidationError(
            "Beslutet anmäls till organet. Tiden för överklagande räknas från anslaget om "
            "justeringen av protokollet där det anmäls."
        )
    if decision.posted_on is not None:
        raise ValidationError(
            f"Beslutet tillkännagavs redan {decision.posted_on.isoformat()} och kan inte "
            "tillkännages igen."
        )
    errors: dict[str, str] = {}
    not_future(errors, "posted_on", posted_on, "Dagen för tillkännagivandet")
    if posted_on < decision.decided_on:
        errors["posted_on"] = (
            f"Beslutet kan inte tillkännages före beslutsdagen ({decision.decided_on.isoformat()})."
        )
    if errors:
        raise ValidationError(errors)
    decision.posted_on = posted_on
    decision.save(update_fields=["posted_on"])
    last_day = rules.last_day_to_appeal(posted_on)
    assert last_day is not None
    audit_record(
        actor=actor,
        action="delegated_decision_post",
        obj=decision,
        scope=f"case:{decision.case_id}"
        if decision.case_id
        else f"organization:{decision.organization_id}",
        summary=f"Tillkännagivet på anslagstavlan {posted_on.isoformat()}; sista dag att "
        f"överklaga {last_day.isoformat()}.",
        changes={"posted_on": [None, posted_on.isoformat()]},
    )
    return decision
