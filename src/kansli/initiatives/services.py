"""Writes of the motion and citizen-proposal workflow. Each step checks its order (a step
cannot be dated before the one it follows, nor in the future), writes one audit row in the
same transaction, and refuses bad input whole with a Swedish message."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import can_manage_meetings, can_register_cases
from kansli.meetings.models import Meeting
from kansli.meetings.services import agenda_item_add
from kansli.people.models import Body, Organization, OrganizationKind, Person
from kansli.registry.models import CaseStatus, CaseType, Series
from kansli.registry.services import case_close, case_register

from . import rules
from .limits import deadline_of
from .models import Initiative, InitiativeKind, InitiativeStatus, Outcome

_DENIED = "Bara registratorer, handläggare och nämndsekreterare kan föra motioner och förslag."
_MEETINGS_DENIED = "Bara nämndsekreterare och registratorer kan lägga punkter på dagordningen."
_CASE_TYPES = {
    InitiativeKind.MOTION: CaseType.COUNCIL_MOTION,
    InitiativeKind.CITIZEN_PROPOSAL: CaseType.CITIZEN_PROPOSAL,
}
PREPARING_KINDS = (OrganizationKind.BOARD, OrganizationKind.COMMITTEE)


def _today() -> datetime.date:
    return timezone.localdate()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _scope(initiative: Initiative) -> str:
    return f"case:{initiative.case_id}"


def _check_day(day: datetime.date, what: str, today: datetime.date) -> None:
    if day > today:
        raise ValidationError(f"Datumet för {what} kan inte ligga i framtiden.")


def _register(
    *,
    actor: User | None,
    body: Body,
    series: Series,
    kind: str,
    title: str,
    received_on: datetime.date,
    council: Organization | None,
) -> Initiative:
    if actor is not None:
        require(actor, can_register_cases, _DENIED)
    title = _one_line(title)
    if len(title) > 400:
        raise ValidationError({"title": "Rubriken får vara högst 400 tecken."})
    if not title:
        raise ValidationError(
            {"title": "Ange en rubrik, till exempel ”Motion om fler vårdplatser”."}
        )
    _check_day(received_on, "inkomstdagen", _today())
    case = case_register(
        actor=actor,
        body=body,
        series=series,
        title=title,
        case_type=CaseType.COUNCIL_MOTION
        if kind == InitiativeKind.MOTION
        else CaseType.CITIZEN_PROPOSAL,
        organization=council,
        registered_on=received_on,
    )
    initiative = Initiative(body=body, case=case, kind=kind, title=title, received_on=received_on)
    initiative.full_clean()
    initiative.save()
    return initiative


@transaction.atomic
def motion_register(
    *,
    actor: User | None,
    body: Body,
    series: Series,
    title: str,
    received_on: datetime.date,
    authors: list[Person],
    council: Organization | None = None,
) -> Initiative:
    """A council motion on arrival: its case is registered, its authors recorded."""
    if not authors:
        raise ValidationError({"authors": "En motion har minst en motionär."})
    motion = _register(
        actor=actor,
        body=body,
        series=series,
        kind=InitiativeKind.MOTION,
        title=title,
        received_on=received_on,
        council=council,
    )
    motion.authors.set(authors)
    names = ", ".join(str(p) for p in authors)  # "Förnamn Efternamn (V)"
    audit_record(
        actor=actor,
        action="motion_register",
        obj=motion,
        scope=_scope(motion),
        summary=f"Motion {motion.case.number} inkom {received_on.isoformat()} från {names}.",
    )
    return motion


@transaction.atomic
def citizen_proposal_register(
    *,
    actor: User | None,
    body: Body,
    series: Series,
    title: str,
    received_on: datetime.date,
    proposer_name: str,
    publish_name: bool = False,
    council: Organization | None = None,
) -> Initiative:
    """A citizen proposal on arrival. The proposer is a private person: the name is shown
    publicly only when they have consented (Initiative.public_proposer)."""
    proposer_name = _one_line(proposer_name)
    if not proposer_name:
        raise ValidationError({"proposer_name": "Ange förslagsställarens namn."})
    if not publish_name and _names_in(proposer_name, title):
        raise ValidationError(
            {
                "title": "Rubriken innehåller förslagsställarens namn, som inte får publiceras "
                "utan samtycke. Skriv rubriken utan namnet, t.ex. ”Medborgarförslag om …”."
            }
        )
    if len(proposer_name) > 200:
        raise ValidationError({"proposer_name": "Namnet får vara högst 200 tecken."})
    proposal = _register(
        actor=actor,
        body=body,
        series=series,
        kind=InitiativeKind.CITIZEN_PROPOSAL,
        title=title,
        received_on=received_on,
        council=council,
    )
    proposal.proposer_name = proposer_name
    proposal.publish_name = publish_name
    proposal.save(update_fields=["proposer_name", "publish_name"])
    audit_record(
        actor=actor,
        action="citizen_proposal_register",
        obj=proposal,
        scope=_scope(proposal),
        summary=f"Medborgarförslag {proposal.case.number} inkom {received_on.isoformat()}"
        + (" (namnet får publiceras)." if publish_name else " (namnet publiceras inte)."),
    )
    return proposal


def _names_in(name: str, text: str) -> bool:
    """Whether `text` holds the person's surname or full name (case and spacing ignored):
    the case title is public, the name of a proposer without consent is not."""
    words = [w for w in name.casefold().split() if len(w) > 2]
    folded = f" {' '.join(text.casefold().split())} "
    return bool(words) and (
        f" {' '.join(words)} " in folded or any(f" {w} " in folded for w in words[-1:])
    )


def announcement_title(initiative: Initiative) -> str:
    """The agenda item's title. A citizen proposal names its proposer only with consent: the
    agenda is public."""
    if initiative.is_motion:
        authors = initiative.authors.select_related("party").order_by("last_name", "first_name")
        names = ", ".join(str(p) for p in authors)
        return f"Anmälan av motion från {names}: {initiative.title}"
    proposer = initiative.public_proposer()
    return (
        f"Anmälan av medborgarförslag{f' från {proposer}' if proposer else ''}: {initiative.title}"
    )


def announcement_clauses(initiative: Initiative, refer_to: Organization) -> list[str]:
    return [
        f"att {initiative.noun} överlämnas till {refer_to.name.lower()} för beredning",
        "att anmälan noteras till protokollet",
    ]


@transaction.atomic
def initiative_announce(
    *, actor: User | None, initiative: Initiative, meeting: Meeting, refer_to: Organization
) -> Initiative:
    """Put the announcement on fullmäktige's agenda, with the usual proposal: refer it to
    `refer_to` for preparation and note the announcement in the minutes."""
    if actor is not None:
        require(actor, can_manage_meetings, _MEETINGS_DENIED)
    initiative = Initiative.objects.select_for_update().select_related("case").get(pk=initiative.pk)
    if initiative.status != InitiativeStatus.RECEIVED:
        raise ValidationError(
            f"{initiative.noun.capitalize()} är redan {initiative.word('anmäld', 'anmält')}."
        )
    council = meeting.organization
    if council.kind != OrganizationKind.COUNCIL:
        raise ValidationError({"meeting": "Motioner och medborgarförslag anmäls i fullmäktige."})
    if council.body_id != initiative.body_id or refer_to.body_id != initiative.body_id:
        raise ValidationError("Sammanträdet och organet ska höra till samma huvudman.")
    if refer_to.kind not in PREPARING_KINDS:
        raise ValidationError({"refer_to": "Beredningen görs av styrelsen eller en nämnd."})
    if meeting.date < initiative.received_on:
        raise ValidationError(
            {
                "meeting": f"Sammanträdet {meeting.date.isoformat()} är före dagen "
                f"{initiative.noun} kom in ({initiative.received_on.isoformat()})."
            }
        )
    item = agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=announcement_title(initiative),
        case=initiative.case,
        formula=f"{council.name} beslutar",
        clauses=announcement_clauses(initiative, refer_to),
    )
    initiative.status = InitiativeStatus.ANNOUNCED
    initiative.announced_on = meeting.date
    initiative.announced_item = item
    initiative.referred_to = refer_to
    initiative.save(update_fields=["status", "announced_on", "announced_item", "referred_to"])
    audit_record(
        actor=actor,
        action="initiative_announce",
        obj=initiative,
        scope=_scope(initiative),
        summary=f"Anmäls i {council.name} {meeting.date.isoformat()}, punkt {item.number}.",
    )
    return initiative


@transaction.atomic
def initiative_announcement_record(
    *, actor: User | None, initiative: Initiative, announced_on: datetime.date
) -> Initiative:
    """Record an announcement made at a meeting held outside Kansli (before it was taken into
    use, or in another system): the date only, no agenda item."""
    if actor is not None:
        require(actor, can_register_cases, _DENIED)
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.status != InitiativeStatus.RECEIVED:
        raise ValidationError(
            f"{initiative.noun.capitalize()} är redan {initiative.word('anmäld', 'anmält')}."
        )
    _check_day(announced_on, "anmälan", _today())
    initiative.announced_on = announced_on
    _check_order(initiative)
    initiative.status = InitiativeStatus.ANNOUNCED
    initiative.save(update_fields=["announced_on", "status"])
    audit_record(
        actor=actor,
        action="initiative_announcement_record",
        obj=initiative,
        scope=_scope(initiative),
        summary=f"Anmäld i fullmäktige {announced_on.isoformat()} (sammanträdet finns inte i "
        "Kansli).",
    )
    return initiative


def _steps(initiative: Initiative) -> list[tuple[str, datetime.date | None]]:
    return [
        ("inkomstdagen", initiative.received_on),
        ("anmälan", initiative.announced_on),
        ("remissen", initiative.referred_on),
        ("överlämnandet", initiative.delegated_on),
        ("beslutet", initiative.decided_on),
    ]


def _check_order(initiative: Initiative) -> None:
    problem = rules.step_order_problem(_steps(initiative))
    if problem:
        raise ValidationError(problem)


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
        require(actor, can_register_cases, _DENIED)
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.status != InitiativeStatus.ANNOUNCED:
        raise ValidationError(
            f"Bara {initiative.word('en anmäld motion', 'ett anmält medborgarförslag')} kan "
            f"remitteras; läget är ”{initiative.get_status_display()}”."
        )
    if organization.body_id != initiative.body_id or organization.kind not in PREPARING_KINDS:
        raise ValidationError({"organization": "Beredningen görs av styrelsen eller en nämnd."})
    _check_day(referred_on, "remissen", _today())
    initiative.referred_to = organization
    initiative.referred_on = referred_on
    _check_order(initiative)
    initiative.status = InitiativeStatus.REFERRED
    initiative.save(update_fields=["referred_to", "referred_on", "status"])
    audit_record(
        actor=actor,
        action="initiative_refer",
        obj=initiative,
        scope=_scope(initiative),
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
    """Fullmäktige left the decision on a citizen proposal to a nämnd (KL 8 kap. [to
    verify]; corpus item 4). A motion cannot be left to a nämnd."""
    if actor is not None:
        require(actor, can_register_cases, _DENIED)
    proposal = Initiative.objects.select_for_update().get(pk=proposal.pk)
    if proposal.is_motion:
        raise ValidationError(
            "En motion avgörs av fullmäktige och kan inte överlämnas till en nämnd."
        )
    if proposal.status not in (InitiativeStatus.ANNOUNCED, InitiativeStatus.REFERRED):
        raise ValidationError(
            "Bara ett anmält medborgarförslag kan överlämnas; läget är "
            f"”{proposal.get_status_display()}”."
        )
    if organization.body_id != proposal.body_id or organization.kind not in PREPARING_KINDS:
        raise ValidationError(
            {"organization": "Beslutet kan överlämnas till styrelsen eller en nämnd."}
        )
    _check_day(delegated_on, "överlämnandet", _today())
    proposal.delegated_to = organization
    proposal.delegated_on = delegated_on
    _check_order(proposal)
    proposal.status = InitiativeStatus.DELEGATED
    proposal.save(update_fields=["delegated_to", "delegated_on", "status"])
    audit_record(
        actor=actor,
        action="citizen_proposal_delegate",
        obj=proposal,
        scope=_scope(proposal),
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
    """The decision: bifallen, avslagen, besvarad or avskriven. Closes the case. A motion is
    written off only after its year has passed (KL 5 kap. 35 §)."""
    if actor is not None:
        require(actor, can_register_cases, _DENIED)
    initiative = Initiative.objects.select_for_update().select_related("case").get(pk=initiative.pk)
    if initiative.status == InitiativeStatus.DECIDED:
        raise ValidationError(
            f"{initiative.noun.capitalize()} är redan {initiative.word('avgjord', 'avgjort')}."
        )
    if initiative.status == InitiativeStatus.RECEIVED:
        raise ValidationError(
            f"{initiative.noun.capitalize()} är inte "
            f"{initiative.word('anmäld', 'anmält')} i fullmäktige än."
        )
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Välj bifallen, avslagen, besvarad eller avskriven."})
    _check_day(decided_on, "beslutet", _today())
    deadline = deadline_of(initiative)
    if outcome == Outcome.WRITTEN_OFF and not rules.may_write_off(deadline, decided_on):
        raise ValidationError(
            {
                "outcome": f"{initiative.noun.capitalize()} kan skrivas av först när "
                f"{initiative.word('den', 'det')} inte "
                f"beretts inom tidsgränsen ({deadline.isoformat()}) och det har redovisats för "
                "fullmäktige."
            }
        )
    initiative.decided_on = decided_on
    _check_order(initiative)
    initiative.outcome = outcome
    initiative.decision_reference = _one_line(reference)[:200]
    initiative.status = InitiativeStatus.DECIDED
    initiative.save(update_fields=["decided_on", "outcome", "decision_reference", "status"])
    if initiative.case.status != CaseStatus.CLOSED:
        case_close(actor=actor, case=initiative.case, closed_on=decided_on)
    audit_record(
        actor=actor,
        action="initiative_decide",
        obj=initiative,
        scope=_scope(initiative),
        summary=f"{initiative.noun.capitalize()} {Outcome(outcome).label.lower()} "
        f"{decided_on.isoformat()}"
        + (f" ({initiative.decision_reference})." if reference else "."),
    )
    return initiative
