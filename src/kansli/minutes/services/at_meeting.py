"""Changes of the agenda made at the meeting, once the minutes are started: an item added
at the meeting gets its paragraph; an item withdrawn is recorded as withdrawn in its paragraph.
The agenda itself is changed by the meetings' services, which allow it only for these."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.meetings.models import CaseStep, Meeting, StepStatus
from kansli.meetings.services import agenda_item_add, agenda_item_withdraw
from kansli.registry.models import Case

from ..models import Minutes, Paragraph
from ._guard import require_open, require_paragraph_open, require_secretary
from .minutes import paragraph_for


@transaction.atomic
def minutes_item_add(
    *,
    actor: User | None,
    minutes: Minutes,
    title: str = "",
    case: Case | None = None,
    is_public: bool = True,
) -> Paragraph:
    """Add an item at the meeting: it goes last on the agenda and gets the next paragraph
    number of the organization's year. Its decision is written in the paragraph."""
    require_secretary(actor)
    minutes = (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting__organization")
        .get(pk=minutes.pk)
    )
    require_open(minutes)
    meeting: Meeting = minutes.meeting
    organization = meeting.organization
    item = agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=title,
        case=case,
        is_public=is_public,
        by_minutes=True,
    )
    year = meeting.date.year
    last = max(
        Paragraph.objects.filter(organization=organization, year=year).values_list(
            "number", flat=True
        ),
        default=0,
    )
    paragraph = paragraph_for(minutes, item, organization, year, last + 1)
    audit_record(
        actor=actor,
        action="minutes_item_add",
        obj=paragraph,
        scope=f"meeting:{meeting.pk}",
        summary=f"Lade till ärende vid sammanträdet: {paragraph.label} {paragraph.title}.",
    )
    return paragraph


@transaction.atomic
def paragraph_withdraw(*, actor: User | None, paragraph: Paragraph, reason: str = "") -> Paragraph:
    """Record that an item was withdrawn at the meeting (ärendet utgick): the paragraph keeps
    its number and says so, without a decision; nothing is dispatched and the case waits
    for a later meeting."""
    require_secretary(actor)
    paragraph = (
        Paragraph.objects.select_for_update(of=("self",))
        .select_related("minutes__meeting", "agenda_item")
        .get(pk=paragraph.pk)
    )
    require_paragraph_open(paragraph)
    if paragraph.withdrawn:
        raise ValidationError(f"{paragraph.label} är redan noterad som utgången.")
    if paragraph.signatures.exists() or paragraph.votes.exists():
        raise ValidationError(
            f"{paragraph.label} har omröstningar eller underskrifter och kan inte utgå."
        )
    reason = one_line(reason)
    if paragraph.agenda_item is not None:
        agenda_item_withdraw(
            actor=actor, item=paragraph.agenda_item, reason=reason, by_minutes=True
        )
        step = CaseStep.objects.filter(agenda_item=paragraph.agenda_item).first()
        if step is not None:
            step.status = StepStatus.WAITING
            step.agenda_item = None
            step.save(update_fields=["status", "agenda_item"])
    paragraph.withdrawn = True
    paragraph.decision_formula = ""
    paragraph.decision_clauses = []
    paragraph.send_to = []
    paragraph.save(update_fields=["withdrawn", "decision_formula", "decision_clauses", "send_to"])
    paragraph.proposals.all().delete()
    paragraph.reservations.all().delete()
    audit_record(
        actor=actor,
        action="paragraph_withdraw",
        obj=paragraph,
        scope=f"meeting:{paragraph.minutes.meeting_id}",
        summary=f"{paragraph.label} {paragraph.title}: ärendet utgick"
        + (f" ({reason})." if reason else "."),
    )
    return paragraph
