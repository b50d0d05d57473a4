"""Saving an organization's seats read from CSV: all of them or nothing."""

import datetime
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User

from ..models import Organization, Term
from ..seat_csv import SeatRow
from ..seat_plan import SeatPlan, plan_seats
from ._common import require_manager
from .memberships import membership_create
from .persons import person_create, person_email_set


@transaction.atomic
def seats_import(
    *,
    actor: User | None,
    term: Term,
    organization: Organization,
    rows: list[SeatRow],
    start: datetime.date,
    choices: Mapping[int, str],
) -> SeatPlan:
    """Create the seats of `rows` in `organization` for `term`, from `start` to the term's
    end, in one transaction: new persons through person_create, e-mail changes through
    person_email_set, every seat through membership_create (so its rules hold: one chair at a
    time, the substitutes' places, one seat per person). The plan is made again here, under
    the organization's lock; anything that stands in the way (a problem, a namesake not
    asked about) refuses the whole save and nothing is written."""
    require_manager(actor)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    plan = plan_seats(term=term, organization=organization, rows=rows, start=start, choices=choices)
    if not plan.seats and not plan.problems:
        raise ValidationError("Det finns inga rader att spara.")
    if plan.blocking:
        raise ValidationError(plan.blocking)
    for planned in plan.writing_order():
        row = planned.row
        person = planned.person
        if person is None:
            person = person_create(
                actor=actor,
                first_name=row.first_name,
                last_name=row.last_name,
                party=row.party,
                email=row.email,
                allow_namesake=planned.asks,  # the user answered: another person
            )
        elif planned.email_change:
            person = person_email_set(actor=actor, person=person, email=row.email)
        membership_create(
            actor=actor,
            person=person,
            organization=organization,
            role=row.role,
            start=plan.start,
            end=term.end,
            term=term,
            substitute_order=planned.order,
        )
    audit_record(
        actor=actor,
        action="seats_import",
        obj=organization,
        summary=f"Läste in {len(plan.seats)} uppdrag i {organization} för mandatperioden "
        f"{term} från CSV: {len(plan.members)} ledamöter och {len(plan.substitutes)} "
        f"ersättare; {len(plan.new_persons)} nya personer, {len(plan.existing_persons)} "
        "redan registrerade.",
        scope=f"organization:{organization.pk}",
    )
    return plan
