"""Writes for a meeting's agenda: add, change, reorder, withdraw and remove items.

Until the minutes are started the agenda is the secretary's; once they are, it changes only
through the minutes (kansli.meetings.locks); once they are adjusted, never."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.confirm import NeedsConfirmation
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import can_manage_meetings
from kansli.memos.models import DecisionProposal
from kansli.memos.services import proposal_create, proposal_problems, proposal_update
from kansli.registry.models import Case

from .. import rules
from ..locks import agenda_open_check
from ..models import AgendaItem, CaseStep, Meeting, NoticeKind, StepStatus

DENIED = "Du har inte behörighet att hantera sammanträden."
TITLE_LIMIT = 500


def _scope(meeting_id: int) -> str:
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
    case registered after the meeting."""
    questions = []
    today = timezone.localdate()
    if meeting.date < today:
        questions.append(
            f"Sammanträdet den {meeting.date.isoformat()} har redan varit. "
            "Vill du ändå föra upp punkten?"
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
        require(actor, can_manage_meetings, DENIED)
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
            actor=actor, formula=formula, clauses=clauses, scope=_scope(meeting.pk)
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
        scope=_scope(meeting.pk),
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


def _locked_item(item: AgendaItem) -> AgendaItem:
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
        require(actor, can_manage_meetings, DENIED)
    item = _locked_item(item)
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
                scope=_scope(item.meeting_id),
            )
        elif item.proposal is None and has_proposal:
            item.proposal = proposal_create(
                actor=actor, formula=formula, clauses=clauses, scope=_scope(item.meeting_id)
            )
    if case != item.case:
        _release_step(item)
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
        scope=_scope(item.meeting_id),
        summary=f"Ändrade punkt {item.number}: {title}.",
        changes={k: [before[k], after[k]] for k in before if before[k] != after[k]},
    )
    return item


@transaction.atomic
def agenda_item_retitle(*, actor: User | None, item: AgendaItem, title: str) -> AgendaItem:
    """Change an item's title (a workflow whose title names someone, when that changes).
    Refused once the item has its paragraph in the minutes: the paragraph copied the title."""
    if actor is not None:
        require(actor, can_manage_meetings, DENIED)
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
        scope=_scope(item.meeting_id),
        summary=f"Ändrade rubriken på punkt {item.number}.",
        changes={"title": [before, title]},
    )
    return item


def _renumber(meeting: Meeting, ordered: list[AgendaItem]) -> None:
    """Give the items the numbers 1…n in the given order (two steps, so that no moment has
    two items with one number)."""
    shift = max((i.number for i in ordered), default=0) + len(ordered) + 1
    AgendaItem.objects.filter(meeting=meeting).update(number=F("number") + shift)
    for position, item in enumerate(ordered, start=1):
        AgendaItem.objects.filter(pk=item.pk).update(number=position)
        item.number = position


@transaction.atomic
def agenda_reorder(*, actor: User | None, meeting: Meeting, order: list[int]) -> list[AgendaItem]:
    """Put the agenda in a new order: `order` holds every item's id once, first item first.
    The items are numbered 1…n."""
    if actor is not None:
        require(actor, can_manage_meetings, DENIED)
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    agenda_open_check(meeting)
    items = {i.pk: i for i in AgendaItem.objects.filter(meeting=meeting)}
    if len(order) != len(set(order)) or set(order) != set(items):
        raise ValidationError(
            "Ordningen ska innehålla varje punkt på dagordningen precis en gång. "
            "Ladda om sidan och försök igen."
        )
    before = [items[pk].number for pk in order]
    if before == sorted(before) and before == list(range(1, len(before) + 1)):
        return [items[pk] for pk in order]
    ordered = [items[pk] for pk in order]
    _renumber(meeting, ordered)
    audit_record(
        actor=actor,
        action="agenda_reorder",
        obj=meeting,
        scope=_scope(meeting.pk),
        summary="Ändrade ordningen på dagordningen: "
        + ", ".join(f"{b}→{n}" for n, b in enumerate(before, start=1) if b != n)
        + ".",
        changes={"order": [before, list(range(1, len(before) + 1))]},
    )
    return ordered


def agenda_item_move(*, actor: User | None, item: AgendaItem, step: int) -> list[AgendaItem]:
    """Move an item one place up (step -1) or down (+1): a reorder of the whole agenda."""
    items = list(AgendaItem.objects.filter(meeting_id=item.meeting_id).order_by("number"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(items):
        raise ValidationError(
            f"Punkt {item.number} står redan {'först' if step < 0 else 'sist'} på dagordningen."
        )
    items[index], items[target] = items[target], items[index]
    return agenda_reorder(actor=actor, meeting=item.meeting, order=[other.pk for other in items])


@transaction.atomic
def agenda_item_withdraw(
    *,
    actor: User | None,
    item: AgendaItem,
    reason: str = "",
    withdraw: bool = True,
    by_minutes: bool = False,
) -> AgendaItem:
    """Let an item be withdrawn from the agenda (ärendet utgår), or bring it back
    (`withdraw=False`). It keeps its number, shows as withdrawn on the agenda and in the
    notice of changes, and is left out of the meeting book and the minutes."""
    if actor is not None:
        require(actor, can_manage_meetings, DENIED)
    item = _locked_item(item)
    agenda_open_check(item.meeting, by_minutes=by_minutes)
    reason = one_line(reason)
    if len(reason) > 300:
        raise ValidationError({"reason": "Skälet får vara högst 300 tecken."})
    if withdraw and item.is_withdrawn:
        raise ValidationError(f"Punkt {item.number} utgår redan.")
    if not withdraw and not item.is_withdrawn:
        raise ValidationError(f"Punkt {item.number} står redan på dagordningen.")
    item.withdrawn_at = timezone.now() if withdraw else None
    item.withdrawal_reason = reason if withdraw else ""
    item.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    audit_record(
        actor=actor,
        action="agenda_item_withdraw" if withdraw else "agenda_item_restore",
        obj=item,
        scope=_scope(item.meeting_id),
        summary=(
            f"Punkt {item.number} utgår: {item.title}" + (f" ({reason})." if reason else ".")
            if withdraw
            else f"Punkt {item.number} återinfördes på dagordningen: {item.title}."
        ),
    )
    return item


def _release_step(item: AgendaItem) -> None:
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


@transaction.atomic
def agenda_item_remove(*, actor: User | None, item: AgendaItem) -> None:
    """Take an item off the agenda altogether, as if it had never been on it; the items after
    it move up. Refused once a notice listing it has been sent (it must then be withdrawn, so
    the members learn of it). Its memo is kept, free for another meeting."""
    if actor is not None:
        require(actor, can_manage_meetings, DENIED)
    item = _locked_item(item)
    meeting = item.meeting
    agenda_open_check(meeting)
    sent = meeting.notice_sendings.filter(kind=NoticeKind.NOTICE)
    if any(entry.get("id") == item.pk for s in sent for entry in s.snapshot.get("items", [])):
        raise ValidationError(
            f"Kallelsen med punkt {item.number} är redan skickad. Låt punkten utgå i stället, "
            "så att ledamöterna får veta det."
        )
    proposal = item.proposal if item.memo_id is None else None
    number, title = item.number, item.title
    _release_step(item)
    item.delete()
    if (
        proposal is not None
        and not DecisionProposal.objects.filter(pk=proposal.pk, memo__isnull=False).exists()
    ):
        proposal.delete()
    rest = list(AgendaItem.objects.filter(meeting=meeting).order_by("number"))
    _renumber(meeting, rest)
    audit_record(
        actor=actor,
        action="agenda_item_remove",
        obj=meeting,
        scope=_scope(meeting.pk),
        summary=f"Tog bort punkt {number} från dagordningen: {title}.",
    )
