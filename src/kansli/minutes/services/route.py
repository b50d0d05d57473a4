"""The route of a case through the bodies (beredning; OParl Consultation): a decision
that proposes to another body creates that body's next step."""

import datetime

from django.db.models import Max

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.meetings.models import CaseStep, StepStatus
from kansli.memos.rules import formula_parts
from kansli.people.models import Organization

from ..models import Paragraph


def route_onward(*, actor: User | None, paragraph: Paragraph, decided_on: datetime.date) -> None:
    """Mark the paragraph's step decided; when its formula proposes to another body
    ("Regionstyrelsen föreslår regionfullmäktige besluta"), add that body's step, waiting
    for its agenda. Runs inside the adjusting transaction."""
    case, item = paragraph.case, paragraph.agenda_item
    if case is None or item is None:
        return
    step = CaseStep.objects.filter(agenda_item=item).first()
    if step is None:
        return
    step.status = StepStatus.DECIDED
    step.decided_on = decided_on
    step.paragraph_label = paragraph.label
    step.decision_formula = paragraph.decision_formula
    step.save()
    parts = formula_parts(paragraph.decision_formula)
    target_name = parts[1] if parts else None
    if not target_name:
        return
    target = next(
        (
            o
            for o in Organization.objects.filter(body=case.body)
            if o.name.casefold() == target_name.casefold()
        ),
        None,
    )
    if target is None:
        return
    position = (CaseStep.objects.filter(case=case).aggregate(m=Max("position"))["m"] or 0) + 1
    following = CaseStep(case=case, organization=target, position=position, previous=step)
    following.full_clean()
    following.save()
    audit_record(
        actor=actor,
        action="case_step_create",
        obj=following,
        scope=f"case:{case.pk}",
        summary=f"{paragraph.organization} {decided_on.isoformat()} {paragraph.label} föreslår "
        f"{target} att besluta; ärendet väntar på {target}s dagordning.",
    )
