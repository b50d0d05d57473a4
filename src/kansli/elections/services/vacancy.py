"""A seat that falls vacant without a request to resign (the holder died, or is no longer
eligible): the seat ends (rules.vacancy_end: on the day of the event, or for a holder no
longer eligible in a seat given by fullmäktige at the next council meeting) and a by-election
is opened for the rest of its period, to be named and decided like one after a resignation.
Unless fullmäktige, on application, lets the holder keep the seat (KL 4 kap. 7 §): then the
seat is given back and no by-election is needed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import text_field
from kansli.core.formatting import genitive
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Membership
from kansli.people.services import membership_end, membership_reinstate

from .. import rules, selectors
from ..models import ByElection, Resignation, ResignationStatus, VacancyReason
from ..permissions import KEEP_ELECTIONS
from ..rules import Step
from ..selectors import vacancy_steps
from ._common import check_past, in_running_text, seat_end_of

NO_COUNCIL_MEETING = (
    "Uppdraget upphör vid nästa sammanträde med fullmäktige (kommunallagen 4 kap. 7 §), men "
    "inget sådant sammanträde är planerat efter {day}; lägg in sammanträdet först."
)


def _refuse_vacated_again(membership: Membership) -> None:
    """One vacancy at a time: a seat already vacated (and not kept by decision of
    fullmäktige) is not vacated again."""
    earlier = (
        ByElection.objects.filter(vacated=membership, kept_on__isnull=True).order_by("-pk").first()
    )
    if earlier is None:
        return
    assert earlier.seat_ends_on is not None
    raise ValidationError(
        f"Platsen är redan registrerad som ledig ({earlier.get_vacancy_reason_display().lower()}"
        f" {earlier.vacated_on.isoformat() if earlier.vacated_on else ''}); uppdraget upphör "
        f"{earlier.seat_ends_on.isoformat()}."
    )


@transaction.atomic
def vacancy_register(
    *,
    actor: User | None,
    membership: Membership,
    occurred_on: datetime.date,
    reason: str,
) -> ByElection:
    """End the seat on its last day (rules.vacancy_end) and open its by-election: same organ,
    role and party, to where the seat would have ended. Refused, with nothing written, when
    the seat ends at a council meeting and none is planned after `occurred_on`, and when the
    seat would end anyway before anyone could be elected to it."""
    if actor is not None:
        require(actor, KEEP_ELECTIONS)
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
    _refuse_vacated_again(membership)
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
    organization = membership.organization
    by_council = rules.given_by_council(organization.kind)
    meeting = None
    if rules.ends_at_council_meeting(reason, by_council=by_council):
        meeting = selectors.next_council_meeting(
            viewer=actor, body=organization.body, after=occurred_on
        )
        if meeting is None:
            raise ValidationError(NO_COUNCIL_MEETING.format(day=occurred_on.isoformat()))
    last_day = rules.vacancy_end(
        occurred_on,
        reason,
        by_council=by_council,
        next_council_meeting=meeting.date if meeting else None,
    )
    assert last_day is not None  # not kept, and the meeting is known
    if last_day >= seat_end:
        raise ValidationError(
            {
                "occurred_on": f"Uppdraget upphör vid nästa sammanträde med fullmäktige "
                f"({last_day.isoformat()}), men slutar ändå {seat_end.isoformat()}; det finns "
                "ingen återstående period att fylla."
            }
        )
    own_end = membership.end
    membership_end(actor=actor, membership=membership, end=last_day)
    by_election = ByElection.objects.create(
        organization=organization,
        role=membership.role,
        party=membership.person.party,
        end=seat_end,
        vacated=membership,
        vacancy_reason=reason,
        vacated_on=occurred_on,
        seat_ends_on=last_day,
        vacated_end=own_end,
    )
    when = (
        f"upphör vid sammanträdet med {in_running_text(meeting.organization.name)} "
        f"{last_day.isoformat()}"
        if meeting is not None
        else f"upphörde {last_day.isoformat()}"
    )
    audit_record(
        actor=actor,
        action="vacancy_register",
        obj=by_election,
        scope=f"person:{membership.person_id}",
        summary=f"{genitive(membership.person.name)} uppdrag som "
        f"{membership.get_role_display().lower()} i {organization} {when} "
        f"({VacancyReason(reason).label.lower()} {occurred_on.isoformat()}); fyllnadsval till "
        f"{seat_end.isoformat()}.",
    )
    return by_election


@transaction.atomic
def vacancy_keep(
    *,
    actor: User | None,
    by_election: ByElection,
    decided_on: datetime.date,
    reference: str,
) -> ByElection:
    """Record that fullmäktige, on application, let a holder no longer eligible keep a seat
    it gave for the rest of the term (KL 4 kap. 7 §, rules.vacancy_end with `kept`): the seat
    gets its own end back (people.membership_reinstate) and the by-election is closed as not
    needed. The decision is made at a council meeting, at the latest at the one where the
    seat would have ended, and not in the future."""
    if actor is not None:
        require(actor, KEEP_ELECTIONS)
    by_election = (
        ByElection.objects.select_for_update(of=("self",))
        .select_related("vacated__person", "vacated__organization__body")
        .get(pk=by_election.pk)
    )
    vacated = by_election.vacated
    if Step.KEEP not in vacancy_steps(by_election):
        if by_election.kept_on is not None:
            raise ValidationError("Fullmäktige har redan beslutat att uppdraget får behållas.")
        if by_election.decided_on is not None:
            raise ValidationError("Fyllnadsvalet är redan gjort; uppdraget kan inte behållas.")
        raise ValidationError(
            "Bara ett uppdrag som fullmäktige gett och som upphör för att valbarheten upphört "
            "kan behållas efter beslut av fullmäktige (kommunallagen 4 kap. 7 §)."
        )
    assert vacated is not None  # a seat that may be kept was vacated
    assert by_election.seat_ends_on is not None
    errors: dict[str, str] = {}
    reference = text_field(
        errors, "reference", reference, 200, "Ange beslutet, t.ex. paragrafen i protokollet."
    )
    if errors:
        raise ValidationError(errors)
    check_past(decided_on, "Beslutsdagen")
    last_day = by_election.seat_ends_on
    if decided_on > last_day:
        raise ValidationError(
            {
                "decided_on": f"Uppdraget upphörde vid sammanträdet {last_day.isoformat()}; "
                "fullmäktige beslutar senast då om personen får ha kvar det."
            }
        )
    if decided_on < vacated.start:
        raise ValidationError(
            {
                "decided_on": "Beslutet kan inte fattas före uppdragets början "
                f"({vacated.start.isoformat()})."
            }
        )
    body = vacated.organization.body
    if selectors.council_meeting_on(viewer=actor, body=body, day=decided_on) is None:
        raise ValidationError(
            {
                "decided_on": f"Fullmäktige beslutar på ett sammanträde, och inget sammanträde "
                f"med fullmäktige {decided_on.isoformat()} finns i Kansli."
            }
        )
    membership_reinstate(actor=actor, membership=vacated, end=by_election.vacated_end)
    by_election.kept_on = decided_on
    by_election.kept_reference = reference
    by_election.save(update_fields=["kept_on", "kept_reference"])
    audit_record(
        actor=actor,
        action="vacancy_keep",
        obj=by_election,
        scope=f"person:{vacated.person_id}",
        summary=f"Fullmäktige beslutade {decided_on.isoformat()} ({reference}) att "
        f"{vacated.person.name} får ha kvar uppdraget som {vacated.get_role_display().lower()} i "
        f"{vacated.organization} under återstoden av mandattiden; inget fyllnadsval behövs.",
        changes={"kept_on": [None, decided_on.isoformat()], "kept_reference": [None, reference]},
    )
    return by_election
