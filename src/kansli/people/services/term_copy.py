"""Copying the previous term's seats as the starting point of a new term."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User

from ..copy_plan import CopyPlan, plan_copy
from ..models import Organization, Term
from ._common import require_manager
from .memberships import membership_create


@transaction.atomic
def term_copy_seats(*, actor: User | None, term: Term) -> CopyPlan:
    """Give every person who held a seat on the previous term's last day the same seat (role,
    substitute's place) in `term`, from its first day to its last, in one transaction. An
    organization that already has seats during `term` is skipped (the plan says why); every
    seat goes through membership_create. Refused when there is no previous term or nothing
    to copy."""
    require_manager(actor)
    term = Term.objects.select_for_update().get(pk=term.pk)
    # Lock every organization of the body: the plan's "has seats already" must still hold.
    list(Organization.objects.select_for_update().filter(body=term.body).values_list("pk"))
    plan = plan_copy(term=term)
    if plan.source is None:
        raise ValidationError(
            f"Det finns ingen mandatperiod före {term} att kopiera från. Lägg in ledamöter "
            "och ersättare med formuläret eller från en CSV-fil."
        )
    if not plan.copied:
        reason = (
            "alla organ har redan uppdrag under mandatperioden"
            if plan.skipped
            else f"mandatperioden {plan.source} har inga uppdrag på sin sista dag"
        )
        raise ValidationError(f"Det finns inga uppdrag att kopiera: {reason}.")
    for entry in plan.copied:
        for seat in entry.seats:
            membership_create(
                actor=actor,
                person=seat.source.person,
                organization=entry.organization,
                role=seat.source.role,
                start=term.start,
                end=term.end,
                term=term,
                substitute_order=seat.substitute_order,
            )
    audit_record(
        actor=actor,
        action="term_copy_seats",
        obj=term,
        summary=f"Kopierade {plan.seat_count} uppdrag i {len(plan.copied)} organ från "
        f"mandatperioden {plan.source} till {term}"
        + (
            "; hoppade över " + ", ".join(str(o.organization) for o in plan.skipped)
            if plan.skipped
            else ""
        )
        + ".",
    )
    return plan
