"""Disposal (gallring): an archivist's decision removes the files the plan lets go and
keeps a record of what went, when and by which decision. The register entries remain."""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Body

from .. import hooks, rules
from ..models import CaseStatus, DisposalDecision, DisposalRecord, Document, RetentionAction
from ..permissions import DISPOSE
from ..retention import due_on, rule_in, rules_by_process


@transaction.atomic
def disposal_decide(
    *,
    actor: User | None,
    body: Body,
    documents: Sequence[Document],
    reference: str,
    today: datetime.date | None = None,
) -> DisposalDecision:
    """Dispose of the files of these documents, all or none. Each must be due by the plan
    (Arkivlagen 10 §; registry.rules.disposal_refusal); a problem names its document."""
    if actor is not None:
        require(actor, DISPOSE)
    today = today or timezone.localdate()
    reference = one_line(reference)
    errors: list[str] = []
    if not reference:
        errors.append(
            "Ange vilket beslut gallringen stöder sig på (t.ex. informationshanteringsplanen "
            "med diarienummer och beslutsdag)."
        )
    elif len(reference) > 300:
        errors.append("Beslutshänvisningen är för lång (högst 300 tecken).")
    if not documents:
        errors.append("Välj minst en handling att gallra.")
    # The body locked first: a plan read in (plan_import locks it too) cannot change the plan
    # under this decision; the cases are locked with their documents, so none is reopened or
    # reclassified meanwhile.
    Body.objects.select_for_update().get(pk=body.pk)
    plan = rules_by_process(body)
    locked = list(
        Document.objects.select_for_update(of=("self", "case"))
        .filter(pk__in=[d.pk for d in documents])
        .select_related("case")
        .order_by("case__number", "sequence")
    )
    records = []
    for document in locked:
        case = document.case
        if case.body_id != body.pk:
            errors.append(f"Handling {document.number} hör inte till {body}.")
            continue
        if hasattr(document, "disposal"):
            errors.append(
                f"Handling {document.number} är redan gallrad "
                f"({document.disposal.decision.decided_on.isoformat()})."
            )
            continue
        if not document.file:
            errors.append(f"Handling {document.number} har ingen fil att gallra.")
            continue
        rule = rule_in(plan, document)
        refusal = rules.disposal_refusal(
            planned=rule is not None,
            keep=rule is not None and rule.action == RetentionAction.KEEP,
            due_on=due_on(rule, case) if rule is not None else None,
            today=today,
            case_open=case.status != CaseStatus.CLOSED,
        )
        if refusal or rule is None:
            errors.append(f"Handling {document.number} kan inte gallras: {refusal}.")
            continue
        records.append((document, rule))
    if errors:
        raise ValidationError(errors)
    decision = DisposalDecision(
        body=body,
        decided_on=today,
        decided_by=actor if actor is not None and actor.pk else None,
        reference=reference,
    )
    decision.full_clean()
    decision.save()
    names = []
    for document, rule in records:
        DisposalRecord.objects.create(
            decision=decision,
            document=document,
            file_name=document.file_name or document.file.name.rsplit("/", 1)[-1],
            size=document.size,
            sha256=document.sha256,
            rule=f"{rule.process.code} {rule.document_type or 'övriga handlingar'}: "
            f"{rule.period_text}",
        )
        names.append(document.file.name)
        Document.objects.filter(pk=document.pk).update(file="", text="", pages=None)
        hooks.document_disposed(document=document)
        audit_record(
            actor=actor,
            action="document_dispose",
            obj=document,
            scope=f"case:{document.case_id}",
            summary=f"Gallrade filen till handling {document.number} "
            f"({rule.period_text.lower()}); registreringen finns kvar. Stöd: {reference}.",
        )
    audit_record(
        actor=actor,
        action="disposal_decide",
        obj=decision,
        scope="archive",
        summary=f"Gallrade {len(records)} filer. Stöd: {reference}.",
    )
    transaction.on_commit(lambda: _delete_files(names), robust=True)
    return decision


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)
