"""A resignation: registered, proposed to the electing body, granted."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.meetings.models import Meeting
from kansli.meetings.services import agenda_item_add, agenda_item_memo_create
from kansli.memos.models import RecipientKind, SectionKey
from kansli.memos.services import BasisInput, RecipientInput, memo_fill
from kansli.people.models import Membership
from kansli.people.services import membership_end
from kansli.registry.models import CaseType, Series
from kansli.registry.selectors import default_series
from kansli.registry.services import case_register

from .. import rules
from ..models import ByElection, Resignation, ResignationStatus
from ..permissions import KEEP_ELECTIONS, REGISTER_RESIGNATIONS
from ..rules import Step
from ..selectors import resignation_steps
from ._common import check_past, clauses, in_running_text, seat_end_of
from .by_election import by_election_decide


@transaction.atomic
def resignation_register(
    *,
    actor: User | None,
    membership: Membership,
    requested_on: datetime.date,
    series: Series | None = None,
) -> Resignation:
    """Register a request to be released from a seat: a case (in `series`, by default the
    body's default series), and the by-election that will fill the seat for the rest of its
    period."""
    if actor is not None:
        require(actor, REGISTER_RESIGNATIONS)
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("person__party", "organization__body", "term")
        .get(pk=membership.pk)
    )
    check_past(requested_on, "Dagen begäran kom in")
    if requested_on < membership.start:
        raise ValidationError(
            f"Begäran kan inte komma in före uppdragets början ({membership.start.isoformat()})."
        )
    if membership.end is not None and membership.end < requested_on:
        raise ValidationError(f"Uppdraget slutade redan {membership.end.isoformat()}.")
    if (
        Resignation.objects.filter(membership=membership)
        .exclude(status=ResignationStatus.GRANTED)
        .exists()
    ):
        raise ValidationError("Det finns redan en begäran om entledigande från uppdraget.")
    vacancy = ByElection.objects.filter(vacated=membership, kept_on__isnull=True).first()
    if vacancy is not None and vacancy.seat_ends_on is not None:
        raise ValidationError(
            "Platsen är redan registrerad som ledig; uppdraget upphör "
            f"{vacancy.seat_ends_on.isoformat()} och fylls genom fyllnadsval."
        )
    if series is None:
        series = default_series(membership.organization.body)
    if series.body_id != membership.organization.body_id:
        raise ValidationError({"series": "Diarieserien hör till en annan huvudman."})
    end = seat_end_of(membership, requested_on)
    organization = membership.organization
    case = case_register(
        actor=actor,
        body=organization.body,
        series=series,
        title=f"Entledigande samt fyllnadsval till {in_running_text(organization.name)}",
        case_type=CaseType.ELECTION,
        registered_on=requested_on,
    )
    resignation = Resignation.objects.create(
        membership=membership, case=case, requested_on=requested_on
    )
    ByElection.objects.create(
        organization=organization,
        role=membership.role,
        party=membership.person.party,
        end=end,
        resignation=resignation,
    )
    audit_record(
        actor=actor,
        action="resignation_register",
        obj=resignation,
        scope=f"person:{membership.person_id}",
        summary=f"{membership.person} begär entledigande från uppdraget som "
        f"{membership.get_role_display().lower()} i {organization} ({case.number}).",
    )
    return resignation


def resignation_clauses(resignation: Resignation, start: datetime.date) -> list[str]:
    return clauses(resignation, resignation.by_election, start)


@transaction.atomic
def resignation_propose(
    *, actor: User | None, resignation: Resignation, meeting: Meeting
) -> Resignation:
    """Put the resignation on the electing body's agenda with the usual proposal and a memo:
    its summary, basis and recipients (the person, the one elected, the body)."""
    if actor is not None:
        require(actor, KEEP_ELECTIONS)
    resignation = (
        Resignation.objects.select_for_update(of=("self",))
        .select_related("membership__person__party", "membership__organization", "case")
        .get(pk=resignation.pk)
    )
    if Step.PROPOSE not in resignation_steps(resignation):
        raise ValidationError("Entledigandet är redan på en dagordning eller beviljat.")
    membership = resignation.membership
    by_election = resignation.by_election
    if meeting.organization.body_id != membership.organization.body_id:
        raise ValidationError({"meeting": "Sammanträdet hör till en annan huvudman."})
    if meeting.date < resignation.requested_on:
        raise ValidationError(
            {
                "meeting": f"Sammanträdet är före dagen begäran kom in "
                f"({resignation.requested_on.isoformat()})."
            }
        )
    if rules.by_election_period(meeting.date, by_election.end) is None:
        raise ValidationError(
            {"meeting": f"Sammanträdet är efter uppdragets slut ({by_election.end.isoformat()})."}
        )
    organization = meeting.organization
    item = agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=resignation.case.title[:1].upper() + resignation.case.title[1:],
        case=resignation.case,
        formula=f"{organization.name} beslutar",
        clauses=resignation_clauses(resignation, meeting.date),
    )
    memo = agenda_item_memo_create(actor=actor, item=item)
    person = membership.person
    role = membership.get_role_display().lower()
    memo_fill(
        actor=actor,
        memo=memo,
        sections={
            SectionKey.SUMMARY.value: f"{person} har begärt att bli entledigad från uppdraget "
            f"som {role} i {in_running_text(membership.organization.name)}.",
            SectionKey.CONSEQUENCES.value: "Inga.",
            SectionKey.ECONOMY.value: "Inga.",
            SectionKey.FOLLOW_UP.value: "Ingen.",
        },
        basis=[BasisInput(text="Begäran om entledigande")],
        recipients=[
            RecipientInput(kind=RecipientKind.PERSON, person=person),
            RecipientInput(kind=RecipientKind.TEXT, text="Den valde"),
            RecipientInput(kind=RecipientKind.ORGANIZATION, organization=membership.organization),
        ],
    )
    resignation.item = item
    resignation.status = ResignationStatus.PROPOSED
    resignation.save(update_fields=["item", "status"])
    audit_record(
        actor=actor,
        action="resignation_propose",
        obj=resignation,
        scope=f"case:{resignation.case_id}",
        summary=f"På dagordningen för {organization} {meeting.date.isoformat()}, "
        f"punkt {item.number}.",
    )
    return resignation


@transaction.atomic
def resignation_grant(
    *, actor: User | None, resignation: Resignation, decided_on: datetime.date
) -> Resignation:
    """Record that the request was granted: the seat ends on the day of the decision
    (rules.resignation_end). When the successor is named, they are elected the same day."""
    if actor is not None:
        require(actor, KEEP_ELECTIONS)
    resignation = (
        Resignation.objects.select_for_update(of=("self",))
        .select_related("membership", "item__meeting")
        .get(pk=resignation.pk)
    )
    if Step.GRANT not in resignation_steps(resignation):
        raise ValidationError("Entledigandet är redan beviljat.")
    check_past(decided_on, "Beslutsdagen")
    if decided_on < resignation.requested_on:
        raise ValidationError(
            {
                "decided_on": f"Beslutet kan inte fattas före dagen begäran kom in "
                f"({resignation.requested_on.isoformat()})."
            }
        )
    seat_end = resignation.by_election.end
    if decided_on > seat_end:
        raise ValidationError(
            {
                "decided_on": f"Uppdraget slutade {seat_end.isoformat()}; det finns inget att "
                "entlediga från efter den dagen."
            }
        )
    if resignation.item is not None and resignation.item.meeting.date != decided_on:
        raise ValidationError(
            {
                "decided_on": f"Ärendet avgörs på sammanträdet "
                f"{resignation.item.meeting.date.isoformat()}; ange den dagen."
            }
        )
    membership_end(
        actor=actor, membership=resignation.membership, end=rules.resignation_end(decided_on)
    )
    resignation.status = ResignationStatus.GRANTED
    resignation.decided_on = decided_on
    resignation.save(update_fields=["status", "decided_on"])
    audit_record(
        actor=actor,
        action="resignation_grant",
        obj=resignation,
        scope=f"case:{resignation.case_id}",
        summary=f"Beviljade entledigande {decided_on.isoformat()}; uppdraget slutar samma dag.",
    )
    by_election = resignation.by_election
    if by_election.person_id is not None:
        by_election_decide(actor=actor, by_election=by_election, decided_on=decided_on)
    return resignation
