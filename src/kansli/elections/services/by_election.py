"""A by-election: the successor named, then elected for the rest of the period."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.memos.services import proposal_update
from kansli.people.models import Person
from kansli.people.services import membership_create

from .. import rules
from ..models import ByElection
from ..permissions import KEEP_ELECTIONS
from ..rules import Step
from ..selectors import by_election_steps
from ._common import check_past, clauses


def _scope(by_election: ByElection) -> str:
    if by_election.resignation is not None:
        return f"case:{by_election.resignation.case_id}"
    if by_election.vacated_id is not None:
        return f"person:{by_election.vacated.person_id}"  # type: ignore[union-attr]
    return f"organization:{by_election.organization_id}"


def _refuse_closed(by_election: ByElection) -> None:
    """The by-election is held, or not needed: the seat was kept."""
    if by_election.decided_on is not None:
        raise ValidationError("Fyllnadsvalet är redan gjort.")
    if by_election.kept_on is not None:
        raise ValidationError(
            f"Fullmäktige beslutade {by_election.kept_on.isoformat()} att uppdraget får "
            "behållas; inget fyllnadsval behövs."
        )


@transaction.atomic
def by_election_nominate(
    *, actor: User | None, by_election: ByElection, person: Person
) -> ByElection:
    """Name the person proposed for the seat; the proposal on the agenda gets the name in place
    of "....."."""
    if actor is not None:
        require(actor, KEEP_ELECTIONS)
    by_election = (
        ByElection.objects.select_for_update(of=("self",))
        .select_related(
            "party", "resignation__membership__person", "resignation__item__proposal", "vacated"
        )
        .get(pk=by_election.pk)
    )
    if Step.NOMINATE not in by_election_steps(by_election):
        _refuse_closed(by_election)
    resignation = by_election.resignation
    if resignation is not None and resignation.membership.person_id == person.pk:
        raise ValidationError({"person": f"{person} är den som begärt entledigande."})
    if by_election.vacated is not None and by_election.vacated.person_id == person.pk:
        raise ValidationError({"person": f"{person} hade platsen som blivit ledig."})
    if by_election.party_id is not None and person.party_id != by_election.party_id:
        assert by_election.party is not None
        raise ValidationError(
            {
                "person": f"Platsen tillhör {by_election.party.name} ({by_election.party.code}); "
                f"välj en person från det partiet."
            }
        )
    before = str(by_election.person) if by_election.person else None
    by_election.person = person
    by_election.save(update_fields=["person"])
    item = resignation.item if resignation is not None else None
    if resignation is not None and item is not None and item.proposal is not None:
        proposal_update(
            actor=actor,
            proposal=item.proposal,
            formula=item.proposal.formula,
            clauses=clauses(resignation, by_election, item.meeting.date),
            scope=_scope(by_election),
        )
    audit_record(
        actor=actor,
        action="by_election_nominate",
        obj=by_election,
        scope=_scope(by_election),
        summary=f"Föreslår {person} till {by_election.role_label} i {by_election.organization}.",
        changes={"person": [before, str(person)]},
    )
    return by_election


@transaction.atomic
def by_election_decide(
    *, actor: User | None, by_election: ByElection, decided_on: datetime.date
) -> ByElection:
    """Record the election: the named person holds the seat from the day of the decision to
    the end of the vacated seat (rules.by_election_period)."""
    if actor is not None:
        require(actor, KEEP_ELECTIONS)
    by_election = (
        ByElection.objects.select_for_update(of=("self",))
        .select_related("person", "organization", "resignation__membership__term", "vacated__term")
        .get(pk=by_election.pk)
    )
    if Step.ELECT not in by_election_steps(by_election):
        _refuse_closed(by_election)
        if by_election.person is None:
            raise ValidationError({"person": "Ange vem som väljs."})
        raise ValidationError("Bevilja entledigandet först; platsen är inte ledig än.")
    assert by_election.person is not None  # rules: elected only once named
    check_past(decided_on, "Valdagen")
    period = rules.by_election_period(decided_on, by_election.end)
    if period is None:
        raise ValidationError(
            {
                "decided_on": f"Uppdraget slutade {by_election.end.isoformat()}; det går inte att "
                "välja någon till det efteråt."
            }
        )
    # A vacated seat is held to its last day (rules.vacancy_end: for a seat given by
    # fullmäktige, the council meeting); the successor may be elected from that day on.
    vacant_from = by_election.seat_ends_on or by_election.vacated_on
    if vacant_from is not None and decided_on < vacant_from:
        raise ValidationError(
            {
                "decided_on": "Valet kan inte göras före dagen platsen blev ledig "
                f"({vacant_from.isoformat()})."
            }
        )
    start, end = period
    vacated = by_election.vacated_seat
    membership = membership_create(
        actor=actor,
        person=by_election.person,
        organization=by_election.organization,
        role=by_election.role,
        start=start,
        end=end,
        term=vacated.term if vacated is not None else None,
        replaces=vacated,
    )
    by_election.decided_on = decided_on
    by_election.membership = membership
    by_election.save(update_fields=["decided_on", "membership"])
    audit_record(
        actor=actor,
        action="by_election_decide",
        obj=by_election,
        scope=_scope(by_election),
        summary=f"{by_election.person} vald till {by_election.role_label} i "
        f"{by_election.organization} för tiden {start.isoformat()} – {end.isoformat()}.",
    )
    return by_election
