"""Adjustment: the chair and the adjusters sign with their own logins; the last signature
locks the minutes (or one immediately adjusted paragraph), seals their content with a
SHA-256, posts the notice on the notice board, queues the dispatches and moves each case
on along its route."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.memos.rules import find_placeholders
from kansli.people.models import Person

from .. import rules
from ..announced import Announced
from ..composition import Roll
from ..content import digest, minutes_content, paragraph_range, paragraphs_of
from ..content import paragraph_content as _paragraph_content
from ..models import Dispatch, Minutes, MinutesStatus, Paragraph, Posting, Signature, SignatureRole
from ..tasks import minutes_record
from ._guard import LOCKED, PARAGRAPH_LOCKED
from .paragraph import quorum_problem
from .route import route_onward

NOT_SIGNER = "Bara ordföranden och justerarna kan signera protokollet."


def signing_problems(minutes: Minutes, paragraphs: list[Paragraph]) -> list[str]:
    """What stops the minutes (or the given paragraphs) from being signed.

    At a council meeting an item that no announcement named may be decided only if every
    member present decides so (KL 5 kap. 52 §): its paragraph must record that decision. This
    is checked only when the meeting has at least one announcement recorded in Kansli; with
    none, Kansli cannot know what was announced (minutes imported, or the meeting announced
    outside Kansli); before the meeting, its stage panel showed the announcement as not done."""
    problems = []
    roll = Roll.of(minutes)
    announced = Announced.of(minutes.meeting)
    if minutes.chair is None or minutes.adjuster is None:
        problems.append("Ange ordförande och justerare innan protokollet signeras.")
    for paragraph in paragraphs:
        if paragraph.withdrawn:
            continue  # no decision was made
        problem = quorum_problem(paragraph, roll.at_paragraph(paragraph))
        if problem:
            problems.append(problem)
        if not paragraph.decision_clauses:
            problems.append(f"{paragraph.label} saknar beslut.")
        unannounced = announced.problem(paragraph)
        if unannounced:
            problems.append(unannounced)
        for clause in paragraph.decision_clauses:
            for placeholder in find_placeholders(clause):
                problems.append(
                    f"{paragraph.label}: beslutet innehåller en platshållare som inte är "
                    f"ifylld: ”{placeholder}”."
                )
    return problems


def signer_role(minutes: Minutes, person: Person) -> SignatureRole | None:
    if minutes.chair_id == person.pk:
        return SignatureRole.CHAIR
    if person.pk in (
        minutes.adjuster_id,
        minutes.second_adjuster_id,
        minutes.substitute_adjuster_id,
    ):
        return SignatureRole.ADJUSTER
    return None


def may_sign(minutes: Minutes, person: Person | None, paragraph: Paragraph | None = None) -> bool:
    """Whether a person may sign the minutes (or one paragraph, for immediate adjustment)
    now: the chair or an adjuster who has not yet signed it, while it is open."""
    if person is None or minutes.is_locked or signer_role(minutes, person) is None:
        return False
    if paragraph is not None and paragraph.immediately_adjusted_on is not None:
        return False
    return not Signature.objects.filter(
        minutes=minutes, paragraph=paragraph, person=person
    ).exists()


def signatures_complete(minutes: Minutes, signatures: list[Signature]) -> bool:
    """Chair and as many adjusters as were appointed (the substitute adjuster signs in
    place of one) have signed."""
    chair = any(s.role == SignatureRole.CHAIR for s in signatures)
    needed = len([p for p in (minutes.adjuster_id, minutes.second_adjuster_id) if p])
    adjusters = len([s for s in signatures if s.role == SignatureRole.ADJUSTER])
    return chair and needed > 0 and adjusters >= needed


@transaction.atomic
def minutes_sign(
    *,
    actor: User,
    minutes: Minutes,
    paragraph: Paragraph | None = None,
    now: datetime.datetime | None = None,
) -> Signature:
    """Sign the minutes, or one paragraph for immediate adjustment (omedelbar justering).
    Only the chair and the adjusters may sign, each once, each with their own login."""
    now = now or timezone.now()
    minutes = (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting__organization__body", "chair", "adjuster")
        .get(pk=minutes.pk)
    )
    person = Person.objects.filter(user=actor).first() if actor.pk else None
    if person is None:
        raise ValidationError(
            "Din inloggning är inte kopplad till en förtroendevald och kan inte signera."
        )
    role = signer_role(minutes, person)
    if role is None:
        raise ValidationError(NOT_SIGNER)
    if minutes.is_locked:
        raise ValidationError(LOCKED)
    if timezone.localdate(now) < minutes.meeting.date:
        raise ValidationError(
            f"Sammanträdet hålls {minutes.meeting.date.isoformat()}; protokollet kan justeras "
            "först när sammanträdet har hållits."
        )
    if paragraph is not None:
        paragraph = Paragraph.objects.select_for_update().get(pk=paragraph.pk, minutes=minutes)
        if paragraph.immediately_adjusted_on is not None:
            raise ValidationError(PARAGRAPH_LOCKED)
        targets = [paragraph]
    else:
        targets = [p for p in paragraphs_of(minutes) if p.immediately_adjusted_on is None]
    existing = Signature.objects.filter(minutes=minutes, paragraph=paragraph)
    if existing.filter(person=person).exists():
        raise ValidationError("Du har redan signerat.")
    problems = signing_problems(minutes, targets)
    if problems:
        raise ValidationError(problems)
    signature = Signature(
        minutes=minutes, paragraph=paragraph, person=person, user=actor, role=role, signed_at=now
    )
    signature.full_clean()
    signature.save()
    what = paragraph.label if paragraph else "protokollet"
    audit_record(
        actor=actor,
        action="minutes_sign",
        obj=minutes,
        scope=f"meeting:{minutes.meeting_id}",
        summary=f"{person} signerade {what} som {role.label.lower()}.",
    )
    if signatures_complete(minutes, [*existing, signature]):
        day = timezone.localdate(now)
        if paragraph is None:
            _seal_minutes(actor, minutes, now, day)
        else:
            _seal_paragraph(actor, minutes, paragraph, day)
    return signature


def _seal_minutes(
    actor: User, minutes: Minutes, now: datetime.datetime, day: datetime.date
) -> None:
    content = minutes_content(minutes)
    minutes.sealed_content = content
    minutes.content_hash = digest(content)
    minutes.locked_at = now
    minutes.adjusted_on = day
    minutes.status = MinutesStatus.ADJUSTED
    minutes.save()
    paragraphs = paragraphs_of(minutes)
    open_ones = [p for p in paragraphs if p.immediately_adjusted_on is None]
    posting = _post(minutes, None, day, paragraph_range([p.number for p in paragraphs]))
    for paragraph in open_ones:
        if paragraph.withdrawn:
            continue
        _queue_dispatches(paragraph)
        route_onward(actor=actor, paragraph=paragraph, decided_on=minutes.meeting.date)
        _record_decision(actor, minutes, paragraph, day)
    _record_in_registry(minutes)
    audit_record(
        actor=actor,
        action="minutes_adjust",
        obj=minutes,
        scope=f"meeting:{minutes.meeting_id}",
        summary=f"Protokollet justerat och låst (SHA-256 {minutes.content_hash[:12]}…). "
        f"Anslaget {posting.posted_on.isoformat()}; sista dag för överklagande "
        f"{posting.last_appeal_day.isoformat()}.",
    )


def _seal_paragraph(
    actor: User, minutes: Minutes, paragraph: Paragraph, day: datetime.date
) -> None:
    roll = Roll.of(minutes)
    prefetched = next(p for p in paragraphs_of(minutes) if p.pk == paragraph.pk)
    content = _paragraph_content(prefetched, roll.at_paragraph(prefetched), roll)
    content["immediately_adjusted"] = True
    paragraph.sealed_content = content
    paragraph.content_hash = digest(content)
    paragraph.immediately_adjusted_on = day
    paragraph.save()
    posting = _post(minutes, paragraph, day, paragraph.label)
    _queue_dispatches(paragraph)
    route_onward(actor=actor, paragraph=paragraph, decided_on=minutes.meeting.date)
    _record_decision(actor, minutes, paragraph, day)
    _record_in_registry(minutes)
    audit_record(
        actor=actor,
        action="paragraph_adjust_immediately",
        obj=paragraph,
        scope=f"meeting:{minutes.meeting_id}",
        summary=f"{paragraph.label} omedelbart justerad. Sista dag för överklagande "
        f"{posting.last_appeal_day.isoformat()}.",
    )


def _record_in_registry(minutes: Minutes) -> None:
    """The minutes and the extracts into the registry, by the worker once this commits."""
    minutes_id = minutes.pk
    transaction.on_commit(lambda: minutes_record.enqueue(minutes_id))


def _record_decision(
    actor: User, minutes: Minutes, paragraph: Paragraph, day: datetime.date
) -> None:
    """The decision in its case's history once its paragraph is adjusted: the body, the
    meeting's date, the § and the decision (withheld for a secret case)."""
    case = paragraph.case
    if case is None:
        return
    meeting = minutes.meeting
    said = "; ".join(one_line(str(clause)) for clause in paragraph.decision_clauses)
    audit_record(
        actor=actor,
        action="paragraph_decided",
        obj=paragraph,
        scope=f"case:{case.pk}",
        summary=f"Beslut i {meeting.organization.name} {meeting.date.isoformat()} "
        f"{paragraph.label}"
        + (f": {said}" if said and not case.is_secret else "")
        + (
            f" (paragrafen omedelbart justerad {day.isoformat()})."
            if paragraph.immediately_adjusted_on
            else f" (protokollet justerat {day.isoformat()})."
        ),
    )


def _post(
    minutes: Minutes, paragraph: Paragraph | None, day: datetime.date, paragraphs: str
) -> Posting:
    """KL 8 kap. 12 §: posted on the day of adjustment (at the latest the second day
    after); listed until the appeal period of KL 13 kap. 5 § has ended."""
    meeting = minutes.meeting
    posting = Posting(
        minutes=minutes,
        paragraph=paragraph,
        organization_name=meeting.organization.name,
        meeting_date=meeting.date,
        adjusted_on=day,
        posted_on=day,
        last_appeal_day=rules.last_day_to_appeal(day),
        listed_until=rules.posting_listed_until(day),
        kept_at=minutes.kept_at or meeting.organization.body.name,
        paragraphs=paragraphs,
    )
    posting.full_clean()
    posting.save()
    return posting


def _queue_dispatches(paragraph: Paragraph) -> None:
    Dispatch.objects.bulk_create(
        Dispatch(
            paragraph=paragraph,
            position=i,
            recipient=str(entry.get("name", ""))[:300],
            person_id=entry.get("person"),
            organization_id=entry.get("organization"),
        )
        for i, entry in enumerate(paragraph.send_to, start=1)
    )
