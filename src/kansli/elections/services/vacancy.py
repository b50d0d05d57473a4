"""A seat that falls vacant without a request to resign (the holder died, or is no longer
eligible): the seat ends on the day of the event and a by-election is opened for the rest of
its period, to be named and decided like one after a resignation."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.formatting import genitive
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import can_manage_people
from kansli.people.models import Membership
from kansli.people.services import membership_end

from .. import rules
from ..models import ByElection, Resignation, ResignationStatus, VacancyReason
from ._common import DENIED, check_past, seat_end_of


@transaction.atomic
def vacancy_register(
    *,
    actor: User | None,
    membership: Membership,
    occurred_on: datetime.date,
    reason: str,
) -> ByElection:
    """End the seat on the day it fell vacant (rules.vacancy_end) and open its by-election:
    same organ, role and party, to where the seat would have ended."""
    if actor is not None:
        require(actor, can_manage_people, DENIED)
    if reason not in VacancyReason.values:
        raise ValidationError({"reason": "Välj varför platsen blev ledig."})
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("person__party", "organization__body", "term")
        .get(pk=membership.pk)
    )
    check_past(occurred_on, "Dagen platsen blev ledig")
    if occurred_on < membership.start:
        raise ValidationError(
            {
                "occurred_on": "Platsen kan inte bli ledig före uppdragets början "
                f"({membership.start.isoformat()})."
            }
        )
    seat_end = seat_end_of(membership, occurred_on)
    if seat_end <= occurred_on:
        raise ValidationError(
            {
                "occurred_on": f"Uppdraget slutar {seat_end.isoformat()}; det finns ingen "
                "återstående period att fylla."
            }
        )
    if (
        Resignation.objects.filter(membership=membership)
        .exclude(status=ResignationStatus.GRANTED)
        .exists()
    ):
        raise ValidationError(
            "Det finns en begäran om entledigande från uppdraget; för den till slut i stället."
        )
    membership_end(actor=actor, membership=membership, end=rules.vacancy_end(occurred_on))
    by_election = ByElection.objects.create(
        organization=membership.organization,
        role=membership.role,
        party=membership.person.party,
        end=seat_end,
        vacated=membership,
        vacancy_reason=reason,
        vacated_on=occurred_on,
    )
    audit_record(
        actor=actor,
        action="vacancy_register",
        obj=by_election,
        scope=f"person:{membership.person_id}",
        summary=f"{genitive(membership.person.name)} uppdrag som "
        f"{membership.get_role_display().lower()} i {membership.organization} upphörde "
        f"{occurred_on.isoformat()} "
        f"({VacancyReason(reason).label.lower()}); fyllnadsval till {seat_end.isoformat()}.",
    )
    return by_election
