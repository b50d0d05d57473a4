"""Reads of the informationshanteringsplan: a document's retention, and what is due for
disposal. Who sees a secret document's description is decided by the registry's selectors."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from kansli.core.roles import Viewer
from kansli.core.workdays import add_years
from kansli.people.models import Body

from . import rules
from .models import (
    Case,
    CaseStatus,
    ClassNode,
    DisposalDecision,
    DisposalRecord,
    Document,
    RetentionAction,
    RetentionRule,
)
from .plan_csv import depth
from .selectors import may_see_secrets_of

SECRET_DESCRIPTION = "Beskrivningen omfattas av sekretess"  # noqa: S105 - not a password
SECRET_FILE_NAME = "Filnamnet omfattas av sekretess"  # noqa: S105 - not a password


def rules_by_process(body: Body) -> dict[int, dict[str, RetentionRule]]:
    """The plan's rows by process id and folded document type ("" for the other documents)."""
    found: dict[int, dict[str, RetentionRule]] = {}
    for rule in RetentionRule.objects.filter(process__body=body).select_related("process"):
        found.setdefault(rule.process_id, {})[rule.document_type.casefold()] = rule
    return found


def rule_in(plan: dict[int, dict[str, RetentionRule]], document: Document) -> RetentionRule | None:
    """The plan's row for a document: its process and type, or the process's other documents."""
    process_id = document.case.process_id
    if process_id is None:
        return None
    rows = plan.get(process_id, {})
    return rows.get(document.document_type.casefold()) or rows.get("")


def documents_with_retention(
    documents: Iterable[Document], case: Case
) -> list[tuple[Document, str]]:
    """Each of a case's documents (as a selector gave them to the viewer) with what the plan
    says of it ("Bevaras", "Gallras efter 2 år"), or "" when the plan says nothing."""
    plan = rules_by_process(case.body) if case.process_id else {}
    found = []
    for document in documents:
        rule = rule_in(plan, document)
        found.append((document, rule.period_text if rule else ""))
    return found


@dataclass(frozen=True)
class DueItem:
    document: Document
    rule: RetentionRule
    due_on: datetime.date
    description: str  # as the viewer may read it


def due_on(rule: RetentionRule, case: Case) -> datetime.date | None:
    return rules.disposal_due_on(
        keep=rule.action == RetentionAction.KEEP,
        years=rule.years,
        on_inactuality=rule.on_inactuality,
        closed_on=case.closed_on if case.status == CaseStatus.CLOSED else None,
    )


def disposal_due(
    *, viewer: Viewer | None, body: Body, today: datetime.date, limit: int | None = None
) -> list[DueItem]:
    """Documents whose files the plan lets go today: in closed cases, with a file, not kept;
    the oldest closed first, at most `limit`. The database narrows them by the plan's
    processes and periods; each is then checked by its own row of the plan."""
    plan = rules_by_process(body)
    wanted = _due_filter(plan, today)
    if wanted is None:
        return []
    documents = (
        Document.objects.filter(wanted, case__body=body, case__status=CaseStatus.CLOSED)
        .exclude(file="")
        .select_related("case")
        .order_by("case__closed_on", "case__number", "sequence")
    )
    items = []
    for document in documents.iterator(chunk_size=500):
        rule = rule_in(plan, document)
        if rule is None or rule.action == RetentionAction.KEEP:
            continue
        day = due_on(rule, document.case)
        if day is not None and day <= today:
            items.append(DueItem(document, rule, day, description_for(viewer, document)))
            if limit is not None and len(items) >= limit:
                break
    return items


def _due_filter(plan: dict[int, dict[str, RetentionRule]], today: datetime.date) -> Q | None:
    """The cases whose documents the plan may let go by today, as a filter: per process with
    a disposal row, closed at least as long ago as its shortest period (a day generous: the
    rule itself decides the last day, and the document type, in Python, where case folding
    is Unicode's); None when the plan disposes of nothing."""
    wanted: Q | None = None
    for process_id, rows in plan.items():
        disposals = [rule for rule in rows.values() if rule.action == RetentionAction.DISPOSE]
        if not disposals:
            continue
        condition = Q(case__process_id=process_id)
        if all(not rule.on_inactuality and rule.years is not None for rule in disposals):
            shortest = min(rule.years or 0 for rule in disposals)
            latest = add_years(today, -shortest) + datetime.timedelta(days=1)
            condition &= Q(case__closed_on__lte=latest)
        wanted = condition if wanted is None else wanted | condition
    return wanted


def _withheld(viewer: Viewer | None, document: Document) -> bool:
    secret = document.is_secret or document.case.is_secret
    return secret and not may_see_secrets_of(viewer, document.case)


def description_for(viewer: Viewer | None, document: Document) -> str:
    return SECRET_DESCRIPTION if _withheld(viewer, document) else document.description


def file_name_for(viewer: Viewer | None, document: Document, file_name: str) -> str:
    """A secret document's file name is withheld like its description: uploaders' file
    names often name what the document is about."""
    return SECRET_FILE_NAME if _withheld(viewer, document) else file_name


def plan_of(body: Body) -> list[tuple[ClassNode, list[RetentionRule]]]:
    """The classification structure in code order, each class with its plan rows."""
    plan = rules_by_process(body)
    nodes = sorted(ClassNode.objects.filter(body=body), key=lambda n: _code_key(n.code))
    return [
        (node, sorted(plan.get(node.pk, {}).values(), key=lambda r: r.document_type))
        for node in nodes
    ]


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def disposal_decisions(body: Body) -> QuerySet[DisposalDecision]:
    return DisposalDecision.objects.filter(body=body).select_related("decided_by")


def disposal_records(
    *, viewer: Viewer | None, decision: DisposalDecision
) -> list[tuple[DisposalRecord, str, str]]:
    """What a disposal removed: each record with the document's description and file name
    as the viewer may read them."""
    return [
        (
            record,
            description_for(viewer, record.document),
            file_name_for(viewer, record.document, record.file_name),
        )
        for record in decision.records.select_related("document__case")
    ]


def class_depths(body: Body) -> dict[str, int]:
    """The codes of the body's classification structure with their depth, for reading a
    plan that names classes Kansli already has (plan_csv)."""
    return {
        code: depth(code)
        for code in ClassNode.objects.filter(body=body).values_list("code", flat=True)
    }
