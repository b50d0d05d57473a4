"""The classification structure and the informationshanteringsplan: read in from a table
(plan_csv), written out as one, and a case's process proposed from its type."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Body

from ..models import ClassLevel, ClassNode, RetentionRule
from ..models.classification import LEVEL_OF_DEPTH
from ..permissions import KEEP_PLAN
from ..plan_csv import PlanSheet, depth, write
from ..retention import plan_of


@dataclass(frozen=True)
class PlanImported:
    classes: int
    rows: int
    renamed: list[str]  # "1.1.2: ”Old name” → ”New name”"


@transaction.atomic
def plan_import(*, actor: User | None, body: Body, sheet: PlanSheet) -> PlanImported:
    """Apply a read plan: classes are added or renamed by code (none is removed: cases may
    be classified to it), and each process with plan rows in the file gets exactly those.
    The history row names each renamed class and holds the whole plan as it is afterwards
    (as CSV), so the plan in force on any day can be read back."""
    if actor is not None:
        require(actor, KEEP_PLAN)
    if not sheet.ok:
        raise ValidationError("Filen har fel och lästes inte in.")
    Body.objects.select_for_update().get(pk=body.pk)  # one plan change at a time (disposal)
    nodes = {node.code: node for node in ClassNode.objects.filter(body=body)}
    renamed: list[str] = []
    for row in sorted(sheet.classes, key=lambda r: (depth(r.code), r.code)):
        node = nodes.get(row.code)
        parent_code = row.code.rpartition(".")[0]
        parent = nodes[parent_code] if parent_code else None
        if node is None:
            node = ClassNode(body=body, code=row.code, level=LEVEL_OF_DEPTH[depth(row.code)])
        elif row.name and row.name != node.name:
            renamed.append(f"{row.code}: ”{node.name}” → ”{row.name}”")
        node.name = row.name or node.name
        node.parent = parent
        if row.case_types:
            node.case_types = list(row.case_types)
        node.full_clean()
        node.save()
        nodes[row.code] = node
    named = {rule.code for rule in sheet.rules}
    RetentionRule.objects.filter(process__body=body, process__code__in=named).delete()
    for rule in sheet.rules:
        RetentionRule(
            process=nodes[rule.code],
            document_type=rule.document_type,
            action=rule.action,
            years=rule.years,
            on_inactuality=rule.on_inactuality,
            archive_format=rule.archive_format,
            legal_basis=rule.legal_basis,
            note=rule.note,
        ).save()
    audit_record(
        actor=actor,
        action="plan_import",
        obj=body,
        scope="archive",
        summary=f"Läste in klassificeringsstrukturen och informationshanteringsplanen: "
        f"{len(sheet.classes)} klasser, {len(sheet.rules)} rader i planen."
        + (f" Nya benämningar: {'; '.join(renamed)}." if renamed else ""),
        changes={"renamed": renamed, "plan": write(plan_of(body))},
    )
    return PlanImported(len(sheet.classes), len(sheet.rules), renamed)


def proposed_process(body: Body, case_type: str) -> ClassNode | None:
    """The process a case of this type is classified to unless the registrar chooses
    another: the first process (by code) that names the type."""
    for node in ClassNode.objects.filter(body=body, level=ClassLevel.PROCESS).order_by("code"):
        if case_type in (node.case_types or []):
            return node
    return None


def process_refusal(body: Body, process: ClassNode | None) -> str:
    """Why a case may not be classified to this node, or ""."""
    if process is None:
        return ""
    if process.body_id != body.pk:
        return "Processen hör inte till huvudmannen."
    if process.level != ClassLevel.PROCESS:
        return f"{process} är ingen process. Ärenden klassificeras till en process (t.ex. 1.2.3)."
    return ""
