"""Recording a paragraph: the decision, proposals, conflicts, reservations, notes, votes."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.memos.rules import clause_begins_with_att, formula_parts
from kansli.people.models import Person

from .. import rules
from ..announced import LAW, Announced
from ..composition import ItemComposition, Roll
from ..models import (
    Ballot,
    Choice,
    Disqualification,
    MinutesNote,
    Paragraph,
    Proposal,
    Reservation,
    Vote,
)
from ._guard import require_paragraph_open, require_secretary

TEXT_LIMIT = 20_000


def composition_of(paragraph: Paragraph) -> ItemComposition:
    """Who serves at a paragraph (its agenda item), given its recorded conflicts."""
    return Roll.of(paragraph.minutes).at_paragraph(paragraph)


def quorum_problem(paragraph: Paragraph, composition: ItemComposition) -> str:
    """KL 6 kap. 27 §: no decision without more than half of the members serving."""
    if composition.has_quorum:
        return ""
    return (
        f"{paragraph.organization} är inte beslutsför vid {paragraph.label}: "
        f"{len(composition.serving)} av {composition.seats} ledamöter tjänstgör, "
        f"minst {composition.needed} krävs."
    )


@dataclass(frozen=True)
class Entry:
    """A proposal, reservation or note: who and what."""

    person: Person | None
    text: str


@transaction.atomic
def paragraph_update(
    *,
    actor: User | None,
    paragraph: Paragraph,
    decision_formula: str,
    decision_clauses: list[str],
    summary: str = "",
    proposition_order: str = "",
    proposals: list[Entry] | None = None,
    reservations: list[Entry] | None = None,
    notes: list[Entry] | None = None,
    disqualified: list[Person] | None = None,
    urgent_consent: bool = False,
) -> Paragraph:
    """Record what the meeting did with an item. Refused whole when the body lacks a
    quorum at the item, when a proposer or reserving member is not serving, or when the
    decision does not read as one.

    `urgent_consent`: at a council meeting, every member present decided that an item no
    announcement named may be decided all the same (KL 5 kap. 52 §). Refused for a nämnd and
    for an item an announcement recorded in Kansli named; with no announcement recorded,
    Kansli cannot tell, and the secretary's word stands."""
    require_secretary(actor)
    paragraph = (
        Paragraph.objects.select_for_update(of=("self",))
        .select_related("minutes__meeting__organization__body", "agenda_item", "organization")
        .get(pk=paragraph.pk)
    )
    require_paragraph_open(paragraph)
    proposals, reservations, notes = proposals or [], reservations or [], notes or []
    disqualified = disqualified or []
    roll = Roll.of(paragraph.minutes)
    number = paragraph.agenda_item.number if paragraph.agenda_item else 0
    composition = roll.at_item(number, {p.pk for p in disqualified})
    errors: list[str] = []
    problem = quorum_problem(paragraph, composition)
    if problem:
        errors.append(problem)
    formula = " ".join(decision_formula.split())
    clauses = [" ".join(c.split()) for c in decision_clauses if c.strip()]
    if formula_parts(formula) is None:
        errors.append(
            "Beslutsformeln ska lyda ”<organ> beslutar” eller ”<organ> föreslår <organ> besluta”."
        )
    if not clauses:
        errors.append("Beslutet behöver minst en att-sats.")
    errors += [
        f"Beslutssatsen ”{c[:60]}” ska börja med ”att”."
        for c in clauses
        if not clause_begins_with_att(c)
    ]
    for person in disqualified:
        if person.pk not in roll.people:
            errors.append(f"{person} har inget uppdrag i {paragraph.organization}.")
    for entry in proposals:
        if entry.person is None or not composition.serves(entry.person):
            errors.append(
                f"Ett yrkande kan bara göras av en tjänstgörande ledamot vid "
                f"{paragraph.label}; {entry.person or 'ingen'} tjänstgör inte."
            )
        if not entry.text.strip():
            errors.append(f"Skriv vad {entry.person} yrkar.")
    for entry in reservations:
        took_part = entry.person is not None and composition.serves(entry.person)
        if not rules.may_reserve(took_part=took_part):
            errors.append(
                f"En reservation kan bara göras av en tjänstgörande ledamot som deltagit i "
                f"beslutet vid {paragraph.label} (kommunallagen 4 kap. 27 §); "
                f"{entry.person or 'ingen'} tjänstgör inte."
            )
    for entry in notes:
        if not entry.text.strip():
            errors.append("En protokollsanteckning behöver en text.")
    texts = [summary, proposition_order, *clauses] + [
        e.text for e in [*proposals, *reservations, *notes]
    ]
    if any(len(t) > TEXT_LIMIT for t in texts) or len(formula) > 300:
        errors.append("En text är för lång (högst 20 000 tecken; beslutsformeln högst 300).")
    if urgent_consent:
        errors += _urgent_consent_problems(paragraph)
    if errors:
        raise ValidationError(errors)
    paragraph.decision_formula = formula
    paragraph.decision_clauses = clauses
    paragraph.summary = summary.strip()
    paragraph.proposition_order = proposition_order.strip()
    paragraph.urgent_consent = urgent_consent
    paragraph.full_clean()
    paragraph.save()
    paragraph.disqualifications.all().delete()
    Disqualification.objects.bulk_create(
        Disqualification(paragraph=paragraph, person=p) for p in disqualified
    )
    paragraph.proposals.all().delete()
    Proposal.objects.bulk_create(
        Proposal(paragraph=paragraph, position=i, person=e.person, text=e.text.strip())
        for i, e in enumerate(proposals, start=1)
        if e.person is not None
    )
    paragraph.reservations.all().delete()
    Reservation.objects.bulk_create(
        Reservation(paragraph=paragraph, person=e.person, text=e.text.strip())
        for e in reservations
        if e.person is not None
    )
    paragraph.notes.all().delete()
    MinutesNote.objects.bulk_create(
        MinutesNote(paragraph=paragraph, person=e.person, text=e.text.strip()) for e in notes
    )
    audit_record(
        actor=actor,
        action="paragraph_update",
        obj=paragraph,
        scope=f"meeting:{paragraph.minutes.meeting_id}",
        summary=f"Förde {paragraph.label}: {formula}, {len(clauses)} att-satser."
        + (
            " Samtliga närvarande beslutade att det inte tillkännagivna ärendet får avgöras."
            if urgent_consent
            else ""
        ),
    )
    return paragraph


def _urgent_consent_problems(paragraph: Paragraph) -> list[str]:
    """Why the decision of every member present to take an unannounced item (KL 5 kap.
    52 §) cannot be recorded in this paragraph."""
    announced = Announced.of(paragraph.minutes.meeting)
    if not announced.council:
        return [
            f"Bara fullmäktiges ärenden tillkännages ({LAW}); {paragraph.organization} behöver "
            "inget beslut av samtliga närvarande för att avgöra ett ärende."
        ]
    if not announced.unannounced(paragraph):
        return [
            f"{paragraph.label}: ärendet har tillkännagetts och får avgöras utan ett beslut av "
            f"samtliga närvarande ({LAW})."
        ]
    return []


@transaction.atomic
def vote_record(
    *,
    actor: User | None,
    paragraph: Paragraph,
    yes_label: str,
    no_label: str,
    ballots: dict[Person, str],
    election: bool = False,
    lot: str = "",
) -> Vote:
    """Record an open vote (or an election): every serving member's ja / nej / avstår.
    On a tie the chair's own vote decides (utslagsröst); a tied election is decided by
    lot, which is recorded."""
    require_secretary(actor)
    paragraph = (
        Paragraph.objects.select_for_update(of=("self",))
        .select_related("minutes__meeting__organization__body", "agenda_item", "organization")
        .get(pk=paragraph.pk)
    )
    require_paragraph_open(paragraph)
    composition = composition_of(paragraph)
    errors: list[str] = []
    problem = quorum_problem(paragraph, composition)
    if problem:
        errors.append(problem)
    yes_label, no_label = " ".join(yes_label.split()), " ".join(no_label.split())
    if not yes_label or not no_label:
        errors.append("Ange vad ja och nej innebär.")
    if len(yes_label) > 300 or len(no_label) > 300:
        errors.append("Vad ja och nej innebär får vara högst 300 tecken.")
    valid = {c.value for c in Choice}
    for person, choice in ballots.items():
        if not composition.serves(person):
            errors.append(f"{person} tjänstgör inte vid {paragraph.label} och kan inte rösta.")
        if choice not in valid:
            errors.append(f"Okänd röst för {person}: välj ja, nej eller avstår.")
    missing = [s.person for s in composition.serving if s.person not in ballots]
    if missing:
        errors.append(
            "Varje tjänstgörande ledamot ska ha en röst; saknas för "
            + ", ".join(str(p) for p in missing)
            + "."
        )
    if lot not in ("", "ja", "nej"):
        errors.append("Lottningens utfall ska vara ja eller nej.")
    if errors:
        raise ValidationError(errors)
    choices = list(ballots.values())
    yes, no = choices.count(Choice.YES), choices.count(Choice.NO)
    casting = ""
    if yes == no and not election:
        chair = paragraph.minutes.chair
        casting = ballots.get(chair, "") if chair is not None else ""
        if casting not in ("ja", "nej"):
            raise ValidationError(
                "Lika röstetal: ordförandens röst avgör, men ordföranden har inte röstat ja "
                "eller nej."
            )
    if yes == no and election and lot not in ("ja", "nej"):
        raise ValidationError("Lika röstetal i ett val: ange utfallet av lottningen.")
    outcome = rules.vote_outcome(yes, no, casting=casting, election=election, lot=lot)
    vote = Vote(
        paragraph=paragraph,
        position=paragraph.votes.count() + 1,
        yes_label=yes_label,
        no_label=no_label,
        election=election,
        casting=casting,
        lot=lot if outcome.by_lot else "",
    )
    vote.full_clean()
    vote.save()
    Ballot.objects.bulk_create(
        Ballot(vote=vote, person=person, choice=choice) for person, choice in ballots.items()
    )
    audit_record(
        actor=actor,
        action="vote_record",
        obj=paragraph,
        scope=f"meeting:{paragraph.minutes.meeting_id}",
        summary=f"Omröstning i {paragraph.label}: {yes} ja, {no} nej, "
        f"{choices.count(Choice.ABSTAIN)} avstår; utfall {outcome.result}"
        + (" (utslagsröst)" if outcome.casting_used else "")
        + (" (lottning)" if outcome.by_lot else "")
        + ".",
    )
    return vote
