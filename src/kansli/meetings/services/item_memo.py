"""The briefing memo of an agenda item: started from the case and the meeting — or from the
memo an earlier organ had for the same case — and marked ready against them."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.memos.models import DecisionProposal, Memo, SectionKey
from kansli.memos.permissions import WRITE_MEMOS
from kansli.memos.rules import formula_parts
from kansli.memos.services import (
    BasisInput,
    RecipientInput,
    memo_create,
    memo_fill,
    memo_mark_ready,
    proposal_create,
)
from kansli.memos.validation import MemoContext
from kansli.people.models import Organization
from kansli.registry.models import Case

from ..models import AgendaItem, Meeting, StepStatus


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


def earlier_memos(item: AgendaItem) -> list[Memo]:
    """Memos written for the item's case for another organ's earlier meeting (the working
    committee before the board, the board before the council), newest first: a starting text
    for this item's memo."""
    if item.case_id is None or item.memo_id is not None:
        return []
    return list(
        Memo.objects.filter(case_id=item.case_id, meeting_date__lt=item.meeting.date)
        .exclude(organization_id=item.meeting.organization_id)
        .select_related("organization")
        .order_by("-meeting_date", "-pk")[:5]
    )


def earlier_memos_of(meeting: Meeting, items: list[AgendaItem]) -> dict[int, list[Memo]]:
    """earlier_memos for every item of the meeting's agenda, by item id, in one query."""
    wanting = [i for i in items if i.case_id is not None and i.memo_id is None]
    if not wanting:
        return {}
    by_case: dict[int, list[Memo]] = {}
    for memo in (
        Memo.objects.filter(case_id__in={i.case_id for i in wanting}, meeting_date__lt=meeting.date)
        .exclude(organization_id=meeting.organization_id)
        .select_related("organization")
        .order_by("-meeting_date", "-pk")
    ):
        found = by_case.setdefault(memo.case_id, [])
        if len(found) < 5:
            found.append(memo)
    return {i.pk: by_case.get(i.case_id, []) for i in wanting}  # type: ignore[arg-type]


def _carried_formula(earlier: Memo, organization: Organization) -> str:
    """The earlier organ proposed "X föreslår <this organ> besluta": here this organ decides."""
    parts = formula_parts(earlier.proposal.formula)
    target = parts[1] if parts is not None else None
    if target is not None and target.casefold() != organization.name.casefold():
        return f"{organization} föreslår {target} besluta"
    return f"{organization} beslutar"


@transaction.atomic
def agenda_item_memo_create(
    *,
    actor: User | None,
    item: AgendaItem,
    signatory_name: str = "",
    signatory_title: str = "",
    start_from: Memo | None = None,
) -> Memo:
    """Start the briefing memo of an agenda item: the header from the case and the
    meeting, the proposal the item's own (one proposal, shown on the agenda and in the memo).
    With `start_from` (one of `earlier_memos(item)`), its texts, clauses, basis and recipients
    are the starting point; the Beredning section still tells the case's history."""
    if actor is not None:
        require(actor, WRITE_MEMOS)
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting__organization", "case", "proposal")
        .get(pk=item.pk)
    )
    if item.case is None:
        raise ValidationError(
            "Punkten har inget ärende. Ett föredragnings-PM skrivs för ett ärende."
        )
    if item.memo_id is not None:
        raise ValidationError("Punkten har redan ett föredragnings-PM.")
    if start_from is not None and start_from.pk not in {m.pk for m in earlier_memos(item)}:
        raise ValidationError(
            "PM:et att utgå från ska vara skrivet för samma ärende till ett tidigare organ."
        )
    memo = None if start_from is not None else _prepared_memo(item)
    organization = item.meeting.organization
    if memo is not None:
        item.proposal = memo.proposal
        summary = f"Knöt det förberedda föredragnings-PM:et till punkt {item.number}."
    else:
        if start_from is not None:
            item.proposal = _proposal_from(actor, item, start_from)
        elif item.proposal is None:
            item.proposal = DecisionProposal.objects.create(formula=f"{organization} beslutar")
        memo = memo_create(
            actor=actor,
            case=item.case,
            organization=organization,
            meeting_date=item.meeting.date,
            proposal=item.proposal,
            title=item.title,
            signatory_name=signatory_name or (start_from.signatory_name if start_from else ""),
            signatory_title=signatory_title or (start_from.signatory_title if start_from else ""),
            sections={"beredning": preparation_text(item.case)},
        )
        summary = f"Påbörjade föredragnings-PM för punkt {item.number}."
        if start_from is not None:
            _copy_texts(actor, memo, start_from)
            summary = (
                f"Påbörjade föredragnings-PM för punkt {item.number} utifrån PM:et till "
                f"{start_from.organization} {start_from.meeting_date.isoformat()}."
            )
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


def _proposal_from(actor: User | None, item: AgendaItem, earlier: Memo) -> DecisionProposal:
    clauses = [c.text for c in earlier.proposal.clauses.order_by("position")]
    formula = _carried_formula(earlier, item.meeting.organization)
    if not clauses:
        return DecisionProposal.objects.create(formula=formula)
    old = item.proposal
    proposal = proposal_create(
        actor=actor, formula=formula, clauses=clauses, scope=f"meeting:{item.meeting_id}"
    )
    if old is not None:
        item.proposal = None
        item.save(update_fields=["proposal"])
        old.delete()
    return proposal


def _copy_texts(actor: User | None, memo: Memo, earlier: Memo) -> None:
    texts = {s.key: s.text for s in earlier.sections.all()}
    texts.pop(SectionKey.PREPARATION.value, None)
    memo_fill(
        actor=actor,
        memo=memo,
        sections={k: v for k, v in texts.items() if v},
        basis=[BasisInput(text=e.text, document=e.document) for e in earlier.basis.all()],
        recipients=[
            RecipientInput(kind=r.kind, text=r.text, person=r.person, organization=r.organization)
            for r in earlier.recipients.all()
        ],
    )


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
