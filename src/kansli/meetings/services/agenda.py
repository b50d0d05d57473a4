"""Writes for a meeting's agenda: add, change, reorder, withdraw and remove items.

Until the minutes are started the agenda is the secretary's; once they are, it changes only
through the minutes (kansli.meetings.locks); once they are adjusted, never."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.confirm import NeedsConfirmation
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.memos.services import proposal_create, proposal_problems, proposal_update
from kansli.registry.models import Case

from .. import rules
from ..locks import agenda_open_check
from ..models import AgendaItem, CaseStep, Meeting, StepStatus
from ..permissions import EDIT_AGENDA

TITLE_LIMIT = 500


def scope_of(meeting_id: int) -> str:
    return f"meeting:{meeting_id}"


def _case_problems(meeting: Meeting, case: Case | None, is_public: bool) -> dict[str, str]:
    if case is None:
        return {}
    if case.body_id != meeting.organization.body_id:
        return {"case": "Ärendet hör till en annan huvudman."}
    if case.is_secret and is_public:
        return {
            "is_public": f"Ärende {case.number} omfattas av sekretess och kan inte vara offentligt "
            "på dagordningen. Markera punkten som ej offentlig."
        }
    return {}


def _questions(meeting: Meeting, case: Case | None) -> list[str]:
    """What the user is asked before an item goes on: a meeting that has already been held, a
    case already on the agenda, a case registered after the meeting."""
    questions = []
    today = timezone.localdate()
    if meeting.date < today:
        questions.append(
            f"Sammanträdet den {meeting.date.isoformat()} har redan varit. "
            "Vill du ändå föra upp punkten?"
        )
    twin = AgendaItem.objects.filter(meeting=meeting, case=case).first() if case else None
    if case is not None and twin is not None:
        questions.append(
            f"Ärende {case.number} står redan på dagordningen som punkt {twin.number}. "
            "Ska det stå där två gånger?"
        )
    if case is not None and rules.item_predates_case(meeting.date, case.registered_on):
        questions.append(
            f"Ärende {case.number} registrerades {case.registered_on.isoformat()}, efter "
            f"sammanträdet den {meeting.date.isoformat()}. Är det rätt sammanträde?"
        )
    return questions


@transaction.atomic
def agenda_item_add(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str = "",
    number: int | None = None,
    case: Case | None = None,
    is_public: bool = True,
    formula: str = "",
    clauses: list[str] | None = None,
    confirmed: bool = True,
    by_minutes: bool = False,
) -> AgendaItem:
    """Add an item to a meeting's agenda, with its decision proposal when one is given.

    The title defaults to the case's; the number to the next after the highest (a number
    already used is refused). The browser's form passes `confirmed=False` until the user has
    answered its questions (a meeting already held, a case registered after the meeting);
    imports and workflows, which check their own dates, leave it True. `by_minutes` is the
    minutes' own addition of an item at the meeting (kansli.minutes.services.at_meeting)."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=meeting.pk)
    )
    agenda_open_check(meeting, by_minutes=by_minutes)
    title = one_line(title) or (case.title if case is not None else "")
    clauses = [c for c in (clauses or []) if c.strip()]
    errors: dict[str, list[str] | str] = {}
    if not title:
        errors["title"] = "Ange rubrik, eller ett ärende vars ärendemening blir rubriken."
    elif len(title) > TITLE_LIMIT:
        errors["title"] = f"Rubriken får vara högst {TITLE_LIMIT} tecken."
    used = set(meeting.items.values_list("number", flat=True))
    if number is None:
        number = max(used, default=0) + 1
    elif number < 1:
        errors["number"] = "Numret måste vara 1 eller högre."
    elif number in used:
        errors["number"] = f"Nummer {number} finns redan på dagordningen för sammanträdet."
    errors.update(_case_problems(meeting, case, is_public))
    if formula.strip() or clauses:
        problems = proposal_problems(formula, clauses)
        if problems:
            errors["proposal"] = problems
    if errors:
        raise ValidationError(errors)
    questions = _questions(meeting, case)
    if questions and not confirmed:
        raise NeedsConfirmation(questions)
    proposal = None
    if formula.strip() or clauses:
        proposal = proposal_create(
            actor=actor, formula=formula, clauses=clauses, scope=scope_of(meeting.pk)
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
        scope=scope_of(meeting.pk),
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


def locked_item(item: AgendaItem) -> AgendaItem:
    return (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting__organization", "case", "proposal", "memo")
        .get(pk=item.pk)
    )


@transaction.atomic
def agenda_item_update(
    *,
    actor: User | None,
    item: AgendaItem,
    title: str,
    is_public: bool,
    case: Case | None,
    formula: str = "",
    clauses: list[str] | None = None,
) -> AgendaItem:
    """Change an item: its title, whether it is public, its case and — while it has no memo,
    which then holds it — its decision proposal."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    item = locked_item(item)
    agenda_open_check(item.meeting)
    title = one_line(title)
    clauses = [c for c in (clauses or []) if c.strip()]
    errors: dict[str, list[str] | str] = {}
    if item.is_withdrawn:
        raise ValidationError(f"Punkt {item.number} utgår. Återinför den innan du ändrar den.")
    if not title:
        errors["title"] = "Ange rubrik."
    elif len(title) > TITLE_LIMIT:
        errors["title"] = f"Rubriken får vara högst {TITLE_LIMIT} tecken."
    if item.memo_id is not None and case != item.case:
        errors["case"] = (
            f"Punkten har ett föredragnings-PM för ärende {item.case.number if item.case else ''}"
            "; ärendet kan inte bytas. Ta bort punkten och lägg till en ny i stället."
        )
    errors.update(_case_problems(item.meeting, case, is_public))
    has_proposal = bool(formula.strip() or clauses)
    if item.memo_id is None and has_proposal:
        problems = proposal_problems(formula, clauses)
        if problems:
            errors["proposal"] = problems
    if errors:
        raise ValidationError(errors)
    before = {"title": item.title, "is_public": item.is_public, "case": str(item.case or "")}
    if item.memo_id is None:
        if item.proposal is not None and has_proposal:
            proposal_update(
                actor=actor,
                proposal=item.proposal,
                formula=formula,
                clauses=clauses,
                scope=scope_of(item.meeting_id),
            )
        elif item.proposal is None and has_proposal:
            item.proposal = proposal_create(
                actor=actor, formula=formula, clauses=clauses, scope=scope_of(item.meeting_id)
            )
    if case != item.case:
        release_step(item)
    item.title, item.is_public, item.case = title, is_public, case
    item.full_clean()
    item.save()
    if case is not None and not CaseStep.objects.filter(agenda_item=item).exists():
        _step_for(item, case)
    after = {"title": title, "is_public": is_public, "case": str(case or "")}
    audit_record(
        actor=actor,
        action="agenda_item_update",
        obj=item,
        scope=scope_of(item.meeting_id),
        summary=f"Ändrade punkt {item.number}: {title}.",
        changes={k: [before[k], after[k]] for k in before if before[k] != after[k]},
    )
    return item


@transaction.atomic
def agenda_item_retitle(*, actor: User | None, item: AgendaItem, title: str) -> AgendaItem:
    """Change an item's title (a workflow whose title names someone, when that changes).
    Refused once the item has its paragraph in the minutes: the paragraph copied the title."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    item = AgendaItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    if hasattr(item, "paragraph"):  # minutes.Paragraph, the reverse one-to-one
        raise ValidationError(
            f"Punkt {item.number} finns redan i protokollet; ändra rubriken i paragrafen."
        )
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": "Ange rubrik."})
    if len(title) > TITLE_LIMIT:
        raise ValidationError({"title": "Rubriken är för lång."})
    before, item.title = item.title, title
    item.save(update_fields=["title"])
    audit_record(
        actor=actor,
        action="agenda_item_retitle",
        obj=item,
        scope=scope_of(item.meeting_id),
        summary=f"Ändrade rubriken på punkt {item.number}.",
        changes={"title": [before, title]},
    )
    return item


def release_step(item: AgendaItem) -> None:
    """The case's step at this item goes back to waiting for an agenda when an earlier
    decision created it; a step the item itself made goes with the item."""
    step = CaseStep.objects.filter(agenda_item=item).first()
    if step is None:
        return
    if step.previous_id is None and step.status == StepStatus.ON_AGENDA:
        step.delete()
    else:
        step.agenda_item = None
        step.status = StepStatus.WAITING
        step.save(update_fields=["agenda_item", "status"])
