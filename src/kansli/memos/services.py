"""Writes of decision proposals and briefing memos."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Official, Organization, Person
from kansli.registry.models import Case, Document

from . import markup, rules
from .models import (
    BasisEntry,
    Clause,
    DecisionProposal,
    Memo,
    MemoSection,
    MemoStatus,
    Recipient,
    RecipientKind,
    SectionKey,
)
from .permissions import WRITE_MEMOS
from .validation import MemoContext, memo_validate


def proposal_problems(formula: str, clauses: list[str]) -> list[str]:
    """Everything wrong with a proposal, in Swedish; empty when it is well formed."""
    problems = []
    if not formula.strip():
        problems.append("Ange beslutsformel, t.ex. ”Regionstyrelsen beslutar”.")
    if not clauses:
        problems.append("Ange minst en att-sats.")
    for number, clause in enumerate(clauses, start=1):
        if not rules.clause_begins_with_att(clause):
            problems.append(f"Att-sats {number} börjar inte med ”att”: ”{clause[:60]}”.")
    return problems


@transaction.atomic
def proposal_create(
    *, actor: User | None, formula: str, clauses: list[str], scope: str = ""
) -> DecisionProposal:
    formula = " ".join(formula.split())
    clauses = [" ".join(c.split()) for c in clauses if c.strip()]
    problems = proposal_problems(formula, clauses)
    if problems:
        raise ValidationError({"proposal": problems})
    proposal = DecisionProposal(formula=formula)
    proposal.full_clean()
    proposal.save()
    for position, text in enumerate(clauses, start=1):
        clause = Clause(proposal=proposal, position=position, text=text)
        clause.full_clean()
        clause.save()
    audit_record(
        actor=actor,
        action="proposal_create",
        obj=proposal,
        scope=scope,
        summary=f"Förslag till beslut: {formula}, {len(clauses)} att-satser.",
    )
    return proposal


@transaction.atomic
def proposal_update(
    *, actor: User | None, proposal: DecisionProposal, formula: str, clauses: list[str], scope: str
) -> DecisionProposal:
    """Replace a proposal's formula and clauses. A draft may be incomplete: memo_validate
    reports what is missing, and a memo cannot be marked ready until it is right."""
    formula = " ".join(formula.split())
    clauses = [" ".join(c.split()) for c in clauses if c.strip()]
    errors = []
    if len(formula) > 500:
        errors.append("Beslutsformeln får vara högst 500 tecken.")
    if len(clauses) > 100:
        errors.append("Ett förslag får ha högst 100 att-satser.")
    if any(len(c) > 5000 for c in clauses):
        errors.append("En att-sats får vara högst 5 000 tecken.")
    if errors:
        raise ValidationError({"proposal": errors})
    before = [proposal.formula, *[c.text for c in proposal.clauses.all()]]
    proposal.formula = formula
    proposal.full_clean()
    proposal.save()
    proposal.clauses.all().delete()
    Clause.objects.bulk_create(
        Clause(proposal=proposal, position=position, text=text)
        for position, text in enumerate(clauses, start=1)
    )
    if before != [formula, *clauses]:
        audit_record(
            actor=actor,
            action="proposal_update",
            obj=proposal,
            scope=scope,
            summary=f"Ändrade förslag till beslut: {formula}, {len(clauses)} att-satser.",
            changes={"before": before, "after": [formula, *clauses]},
        )
    return proposal


@dataclass(frozen=True)
class BasisInput:
    text: str
    document: Document | None = None


@dataclass(frozen=True)
class RecipientInput:
    kind: str
    text: str = ""
    person: Person | None = None
    organization: Organization | None = None


def _clean(text: str) -> str:
    return text.replace("\x00", "").replace("\r\n", "\n").strip()


@transaction.atomic
def memo_create(
    *,
    actor: User | None,
    case: Case,
    organization: Organization,
    meeting_date: datetime.date,
    proposal: DecisionProposal,
    title: str,
    official: Official | None = None,
    signatory_name: str = "",
    signatory_title: str = "",
    sections: dict[str, str] | None = None,
) -> Memo:
    """A new draft memo whose header is filled from the case and the meeting; `sections`
    prefills section texts (the Beredning history of earlier steps)."""
    if actor is not None:
        require(actor, WRITE_MEMOS)
    official = official or case.official
    memo = Memo(
        case=case,
        organization=organization,
        meeting_date=meeting_date,
        case_number=case.number,
        unit=(official.unit if official else "") or case.unit,
        official=official,
        official_name=official.name if official else "",
        title=" ".join(title.split())[:500],
        proposal=proposal,
        signatory_name=signatory_name,
        signatory_title=signatory_title,
    )
    memo.full_clean()
    memo.save()
    prefill = sections or {}
    MemoSection.objects.bulk_create(
        MemoSection(memo=memo, key=key, text=prefill.get(key, "")) for key in SectionKey
    )
    audit_record(
        actor=actor,
        action="memo_create",
        obj=memo,
        scope=f"case:{case.pk}",
        summary=f"Skapade föredragnings-PM för {case.number} till {organization} "
        f"{meeting_date.isoformat()}.",
    )
    return memo


@transaction.atomic
def memo_update(
    *,
    actor: User | None,
    memo: Memo,
    title: str,
    formula: str,
    clauses: list[str],
    sections: dict[str, str],
    basis: list[BasisInput],
    recipients: list[RecipientInput],
    signatory_name: str,
    signatory_title: str,
    unit: str,
    official_name: str,
    meeting_date: datetime.date | None = None,
    case_number: str | None = None,
) -> Memo:
    """Save a memo's content. A draft may be incomplete (memo_validate lists what is
    missing); malformed input is refused whole. Editing a ready memo makes it a draft again."""
    if actor is not None:
        require(actor, WRITE_MEMOS)
    memo = Memo.objects.select_for_update().get(pk=memo.pk)
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    title = " ".join(_clean(title).split())
    if not title:
        refuse("title", "Ange en rubrik.")
    for field, value, limit in (
        ("title", title, 500),
        ("signatory_name", signatory_name, 200),
        ("signatory_title", signatory_title, 200),
        ("unit", unit, 200),
        ("official_name", official_name, 200),
        ("case_number", case_number or "", 60),
    ):
        if len(value) > limit:
            refuse(field, f"Högst {limit} tecken.")
    unknown = set(sections) - set(SectionKey.values)
    if unknown:
        refuse("sections", f"Okänt avsnitt: {', '.join(sorted(unknown))}.")
    cleaned_sections = {
        key: _clean(text) for key, text in sections.items() if key in SectionKey.values
    }
    for key, text in cleaned_sections.items():
        if len(text) > markup.MAX_SECTION_CHARS:
            refuse(
                key,
                f"Avsnittet ”{SectionKey(key).label}” är för långt "
                f"(högst {markup.MAX_SECTION_CHARS} tecken). Lägg längre texter som bilaga.",
            )
    for number, entry in enumerate(basis, start=1):
        document = entry.document
        if len(_clean(entry.text)) > 500:
            refuse("basis", f"Rad {number}: högst 500 tecken.")
        if document is None:
            if not _clean(entry.text):
                refuse("basis", f"Rad {number} är tom.")
            continue
        if document.case_id != memo.case_id:
            refuse("basis", f"Rad {number}: handling {document.number} hör inte till ärendet.")
        elif not document.file or document.content_type != "application/pdf":
            refuse(
                "basis",
                f"Rad {number}: handling {document.number} har ingen PDF-fil och kan inte "
                "bifogas kallelsen. Registrera handlingen som PDF.",
            )
    for number, recipient in enumerate(recipients, start=1):
        if recipient.kind not in RecipientKind.values:
            refuse("recipients", f"Rad {number}: okänd typ av mottagare.")
        elif recipient.kind == RecipientKind.PERSON and recipient.person is None:
            refuse("recipients", f"Rad {number}: välj en person.")
        elif recipient.kind == RecipientKind.ORGANIZATION and recipient.organization is None:
            refuse("recipients", f"Rad {number}: välj ett organ.")
        elif recipient.kind == RecipientKind.TEXT and not _clean(recipient.text):
            refuse("recipients", f"Rad {number} är tom.")
        elif len(_clean(recipient.text)) > 300:
            refuse("recipients", f"Rad {number}: högst 300 tecken.")
    if len(basis) > 200 or len(recipients) > 200:
        refuse("basis", "Högst 200 rader.")
    if errors:
        raise ValidationError(errors)

    scope = f"case:{memo.case_id}"
    proposal_update(
        actor=actor, proposal=memo.proposal, formula=formula, clauses=clauses, scope=scope
    )
    was_ready = memo.is_ready
    memo.title = title
    memo.signatory_name = " ".join(signatory_name.split())
    memo.signatory_title = " ".join(signatory_title.split())
    memo.unit = " ".join(unit.split())
    memo.official_name = " ".join(official_name.split())
    if meeting_date is not None:
        memo.meeting_date = meeting_date
    if case_number is not None:
        memo.case_number = " ".join(case_number.split())
    memo.status = MemoStatus.DRAFT
    memo.ready_at = None
    memo.ready_by = None
    memo.full_clean()
    memo.save()
    for key, text in cleaned_sections.items():
        MemoSection.objects.update_or_create(memo=memo, key=key, defaults={"text": text})
    memo.basis.all().delete()
    BasisEntry.objects.bulk_create(
        BasisEntry(
            memo=memo,
            position=position,
            text=" ".join(_clean(entry.text).split())
            or (entry.document.description if entry.document else ""),
            document=entry.document,
        )
        for position, entry in enumerate(basis, start=1)
    )
    memo.recipients.all().delete()
    Recipient.objects.bulk_create(
        Recipient(
            memo=memo,
            position=position,
            kind=recipient.kind,
            person=recipient.person if recipient.kind == RecipientKind.PERSON else None,
            organization=(
                recipient.organization if recipient.kind == RecipientKind.ORGANIZATION else None
            ),
            text=" ".join(_clean(recipient.text).split())
            if recipient.kind == RecipientKind.TEXT
            else "",
        )
        for position, recipient in enumerate(recipients, start=1)
    )
    audit_record(
        actor=actor,
        action="memo_update",
        obj=memo,
        scope=scope,
        summary=f"Ändrade föredragnings-PM för {memo.case_number}"
        + (" (var klarmarkerat, är nu utkast)." if was_ready else "."),
    )
    return memo


@transaction.atomic
def memo_mark_ready(*, actor: User | None, memo: Memo, context: MemoContext) -> Memo:
    """Mark a memo ready for the agenda, or refuse with every problem memo_validate finds."""
    if actor is not None:
        require(actor, WRITE_MEMOS)
    memo = Memo.objects.select_for_update().get(pk=memo.pk)
    problems = memo_validate(memo, context)
    if problems:
        raise ValidationError([problem.message for problem in problems])
    memo.status = MemoStatus.READY
    memo.ready_at = timezone.now()
    memo.ready_by = actor if actor is not None and actor.pk else None
    memo.save(update_fields=["status", "ready_at", "ready_by", "updated_at"])
    audit_record(
        actor=actor,
        action="memo_mark_ready",
        obj=memo,
        scope=f"case:{memo.case_id}",
        summary=f"Markerade föredragnings-PM för {memo.case_number} som klart.",
    )
    return memo


def memo_fill(
    *,
    actor: User | None,
    memo: Memo,
    sections: dict[str, str],
    basis: list[BasisInput] | None = None,
    recipients: list[RecipientInput] | None = None,
) -> Memo:
    """Write some sections of a memo — and, when given, its basis and recipients — keeping
    everything else as it is: for a workflow that prepares the memo of an item it put on the
    agenda (the report of delegated decisions, a resignation). Goes through memo_update, so the
    same checks apply and a ready memo becomes a draft again."""
    memo = Memo.objects.select_related("proposal").get(pk=memo.pk)
    current = {section.key: section.text for section in memo.sections.all()}
    return memo_update(
        actor=actor,
        memo=memo,
        title=memo.title,
        formula=memo.proposal.formula,
        clauses=[clause.text for clause in memo.proposal.clauses.all()],
        sections={**current, **sections},
        basis=basis
        if basis is not None
        else [BasisInput(text=e.text, document=e.document) for e in memo.basis.all()],
        recipients=recipients
        if recipients is not None
        else [
            RecipientInput(kind=r.kind, text=r.text, person=r.person, organization=r.organization)
            for r in memo.recipients.all()
        ],
        signatory_name=memo.signatory_name,
        signatory_title=memo.signatory_title,
        unit=memo.unit,
        official_name=memo.official_name,
    )
