"""Writes for meetings and their agendas."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import can_manage_meetings, is_staff_member
from kansli.memos.models import DecisionProposal, Memo
from kansli.memos.services import memo_create, memo_mark_ready, proposal_create, proposal_problems
from kansli.memos.validation import MemoContext
from kansli.people.models import Organization
from kansli.registry.models import Case

from .models import AgendaItem, CaseStep, Meeting, StepStatus

_DENIED = "Du har inte behörighet att hantera sammanträden."


@transaction.atomic
def meeting_create(
    *,
    actor: User | None,
    organization: Organization,
    date: datetime.date,
    start_time: datetime.time,
    place: str,
    end_time: datetime.time | None = None,
    absence_contact: str = "",
) -> Meeting:
    if actor is not None:
        require(actor, can_manage_meetings, _DENIED)
    place = " ".join(place.split())
    errors: dict[str, str] = {}
    if not place:
        errors["place"] = "Ange plats för sammanträdet."
    if end_time is not None and end_time <= start_time:
        errors["end_time"] = "Sluttiden måste vara efter starttiden."
    if errors:
        raise ValidationError(errors)
    meeting = Meeting(
        organization=organization,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place,
        absence_contact=absence_contact.strip(),
    )
    meeting.full_clean()
    meeting.save()
    audit_record(
        actor=actor,
        action="meeting_create",
        obj=meeting,
        scope=f"meeting:{meeting.pk}",
        summary=f"Skapade sammanträde: {organization} {date.isoformat()} "
        f"kl. {start_time:%H:%M}, {place}.",
    )
    return meeting


@transaction.atomic
def agenda_item_add(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str,
    number: int | None = None,
    case: Case | None = None,
    is_public: bool = True,
    formula: str = "",
    clauses: list[str] | None = None,
) -> AgendaItem:
    """Add an item to a meeting's agenda, with its decision proposal when one is given.

    The number defaults to the next after the highest; a number already used in the
    meeting is refused.
    """
    if actor is not None:
        require(actor, can_manage_meetings, _DENIED)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    title = " ".join(title.split())
    clauses = [c for c in (clauses or []) if c.strip()]
    errors: dict[str, list[str] | str] = {}
    if not title:
        errors["title"] = "Ange rubrik."
    used = set(meeting.items.values_list("number", flat=True))
    if number is None:
        number = max(used, default=0) + 1
    elif number < 1:
        errors["number"] = "Numret måste vara 1 eller högre."
    elif number in used:
        errors["number"] = f"Nummer {number} finns redan på dagordningen för sammanträdet."
    if case is not None and case.body_id != meeting.organization.body_id:
        errors["case"] = "Ärendet hör till en annan huvudman."
    elif case is not None and case.is_secret and is_public:
        errors["is_public"] = (
            f"Ärende {case.number} omfattas av sekretess och kan inte vara offentligt på "
            "dagordningen. Markera punkten som ej offentlig."
        )
    if formula.strip() or clauses:
        problems = proposal_problems(formula, clauses)
        if problems:
            errors["proposal"] = problems
    if errors:
        raise ValidationError(errors)
    proposal = None
    if formula.strip() or clauses:
        proposal = proposal_create(
            actor=actor, formula=formula, clauses=clauses, scope=f"meeting:{meeting.pk}"
        )
    item = AgendaItem(
        meeting=meeting,
        number=number,
        title=title,
        case=case,
        is_public=is_public,
        proposal=proposal,
    )
    item.full_clean()
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as error:
        raise ValidationError(
            {"number": f"Nummer {number} finns redan på dagordningen."}
        ) from error
    audit_record(
        actor=actor,
        action="agenda_item_add",
        obj=item,
        scope=f"meeting:{meeting.pk}",
        summary=f"Lade till ärende {number} på dagordningen: {title}"
        + (f" ({case.number})." if case else "."),
    )
    if case is not None:
        _step_for(item, case)
        audit_record(
            actor=actor,
            action="agenda_item_add",
            obj=item,
            scope=f"case:{case.pk}",
            summary=f"Ärendet fördes upp som punkt {number} på {meeting}.",
        )
    return item


def _step_for(item: AgendaItem, case: Case) -> CaseStep:
    """The case's step at this meeting's organization: the one waiting for its agenda
    when an earlier decision created it, otherwise a new one."""
    organization = item.meeting.organization
    step = CaseStep.objects.filter(
        case=case, organization=organization, status=StepStatus.WAITING
    ).first()
    if step is None:
        position = max(case.steps.values_list("position", flat=True), default=0) + 1
        step = CaseStep(case=case, organization=organization, position=position)
    step.agenda_item = item
    step.status = StepStatus.ON_AGENDA
    step.full_clean()
    step.save()
    return step


def preparation_text(case: Case) -> str:
    """The "Beredning" section: the bodies that already decided on the case."""
    lines = [
        f"- {step.organization} {step.decided_on.isoformat()}, {step.paragraph_label}: "
        f"{step.decision_formula} enligt förslaget."
        for step in case.steps.filter(status=StepStatus.DECIDED)
        .select_related("organization")
        .order_by("position")
        if step.decided_on is not None
    ]
    return ("Ärendet har beretts av:\n\n" + "\n".join(lines)) if lines else ""


def organization_route(organization: Organization) -> list[str]:
    """The names of the organization and of the bodies above it, in order: the route a
    case can take from this meeting (a board proposes to its council)."""
    route = []
    seen = set()
    current: Organization | None = organization
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        route.append(current.name)
        current = current.parent
    return route


def memo_context(item: AgendaItem) -> MemoContext:
    """What the memo of an agenda item must agree with."""
    return MemoContext(
        meeting_date=item.meeting.date,
        case_number=item.case.number if item.case else "",
        route=organization_route(item.meeting.organization),
    )


@transaction.atomic
def agenda_item_memo_create(
    *,
    actor: User | None,
    item: AgendaItem,
    signatory_name: str = "",
    signatory_title: str = "",
) -> Memo:
    """Start the briefing memo of an agenda item: the header from the case and the
    meeting, the proposal the item's own (one proposal, shown on the agenda and in the memo)."""
    if actor is not None:
        require(actor, is_staff_member, "Bara tjänstepersoner kan skriva föredragnings-PM.")
    item = (
        AgendaItem.objects.select_for_update()
        .select_related("meeting__organization")
        .get(pk=item.pk)
    )
    if item.case is None:
        raise ValidationError(
            "Punkten har inget ärende. Ett föredragnings-PM skrivs för ett ärende."
        )
    if item.memo_id is not None:
        raise ValidationError("Punkten har redan ett föredragnings-PM.")
    memo = _prepared_memo(item)
    if memo is not None:
        item.proposal = memo.proposal
        summary = f"Knöt det förberedda föredragnings-PM:et till punkt {item.number}."
    else:
        if item.proposal is None:
            item.proposal = DecisionProposal.objects.create(
                formula=f"{item.meeting.organization} beslutar"
            )
        memo = memo_create(
            actor=actor,
            case=item.case,
            organization=item.meeting.organization,
            meeting_date=item.meeting.date,
            proposal=item.proposal,
            title=item.title,
            signatory_name=signatory_name,
            signatory_title=signatory_title,
            sections={"beredning": preparation_text(item.case)},
        )
        summary = f"Påbörjade föredragnings-PM för punkt {item.number}."
    item.memo = memo
    item.save(update_fields=["proposal", "memo"])
    audit_record(
        actor=actor,
        action="agenda_item_memo_create",
        obj=item,
        scope=f"meeting:{item.meeting_id}",
        summary=summary,
    )
    return memo


def _prepared_memo(item: AgendaItem) -> Memo | None:
    """A memo already written for this case, organ and meeting day but on no agenda yet (one
    made with its case, such as the yearly Finsam contributions, or imported): the item takes
    it and its proposal — unless the item has a proposal of its own with clauses."""
    if item.proposal is not None and item.proposal.clauses.exists():
        return None
    return (
        Memo.objects.filter(
            case=item.case,
            organization=item.meeting.organization,
            meeting_date=item.meeting.date,
            agenda_item__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def agenda_item_memo_mark_ready(*, actor: User | None, item: AgendaItem) -> Memo:
    """Mark an item's memo ready, checked against this meeting and case."""
    item = AgendaItem.objects.select_related("memo", "case", "meeting__organization").get(
        pk=item.pk
    )
    if item.memo is None:
        raise ValidationError("Punkten har inget föredragnings-PM.")
    return memo_mark_ready(actor=actor, memo=item.memo, context=memo_context(item))


@transaction.atomic
def agenda_item_retitle(*, actor: User | None, item: AgendaItem, title: str) -> AgendaItem:
    """Change an item's title (a workflow whose title names someone, when that changes).
    Refused once the item has its paragraph in the minutes: the paragraph copied the title."""
    if actor is not None:
        require(actor, can_manage_meetings, _DENIED)
    item = AgendaItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    if hasattr(item, "paragraph"):  # minutes.Paragraph, the reverse one-to-one
        raise ValidationError(
            f"Punkt {item.number} finns redan i protokollet; ändra rubriken i paragrafen."
        )
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": "Ange rubrik."})
    if len(title) > AgendaItem._meta.get_field("title").max_length:  # type: ignore[operator]
        raise ValidationError({"title": "Rubriken är för lång."})
    before, item.title = item.title, title
    item.save(update_fields=["title"])
    audit_record(
        actor=actor,
        action="agenda_item_retitle",
        obj=item,
        scope=f"meeting:{item.meeting_id}",
        summary=f"Ändrade rubriken på punkt {item.number}.",
        changes={"title": [before, title]},
    )
    return item
