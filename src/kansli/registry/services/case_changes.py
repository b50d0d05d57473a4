"""Changing a registered case: its facts (title, official, unit, secrecy) with a reason,
closing it with the decision that ended it, and reopening it. Each change is one audit row
in the case's history that names the old and the new value."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.checks import one_line
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Official

from .. import rules
from ..models import Case, CaseStatus, ClassNode
from ..permissions import CLASSIFY_CASES, REGISTER_CASES
from ..selectors import change_refusal, may_change_case, may_classify_case
from .plan import process_refusal
from .secrecy import secrecy_marking_fields

REASON_MAX = 500
DECISION_MAX = 300


def _require_may_change(actor: User | None, case: Case) -> None:
    if actor is not None and not may_change_case(actor, case):
        raise PermissionDenied(change_refusal(case))


def _official_name(official: Official | None) -> str:
    return official.name if official is not None else "ingen"


@transaction.atomic
def case_update(
    *,
    actor: User | None,
    case: Case,
    title: str,
    official: Official | None,
    unit: str,
    secrecy: str,
    reason: str,
    today: datetime.date | None = None,
) -> Case:
    """Change an open case's title, official (reassigning it), unit or secrecy. The reason
    is required and goes into the history with each old and new value; a secret case's
    title (before or after) is not written into the history's text."""
    if actor is not None:
        require(actor, REGISTER_CASES)
    today = today or timezone.localdate()
    case = Case.objects.select_for_update(of=("self",)).select_related("official").get(pk=case.pk)
    _require_may_change(actor, case)
    title = one_line(title)
    unit = one_line(unit)
    secrecy = one_line(secrecy)
    reason = one_line(reason)
    errors: dict[str, str] = {}
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(f"Ärende {case.number} är avslutat. Återuppta det för att ändra det.")
    if not title:
        errors["title"] = "Ange ärendemening."
    elif len(title) > 500:
        errors["title"] = "Ärendemeningen får vara högst 500 tecken."
    if len(unit) > 200:
        errors["unit"] = "Enheten får vara högst 200 tecken."
    if official is not None and official.body_id != case.body_id:
        errors["official"] = "Handläggaren hör inte till huvudmannen."
    if secrecy and not rules.secrecy_reference_is_valid(secrecy):
        errors["secrecy"] = "Ange lagrum i formen ”OSL 21 kap. 1 §”."
    if len(reason) > REASON_MAX:
        errors["reason"] = f"Skälet får vara högst {REASON_MAX} tecken."
    if errors:
        raise ValidationError(errors)

    changes: dict[str, list[object]] = {}
    described: list[str] = []
    secret = case.is_secret or bool(secrecy)
    if title != case.title:
        changes["title"] = [case.title, title]
        described.append(
            "ärendemeningen" if secret else f"ärendemeningen från ”{case.title}” till ”{title}”"
        )
    if official != case.official:
        changes["official"] = [case.official_id, official.pk if official else None]
        described.append(
            f"handläggare från {_official_name(case.official)} till {_official_name(official)}"
        )
    if unit != case.unit:
        changes["unit"] = [case.unit, unit]
        described.append(f"enhet från {case.unit or 'ingen'} till {unit or 'ingen'}")
    if secrecy != case.secrecy:
        changes["secrecy"] = [case.secrecy, secrecy]
        described.append(f"sekretess från {case.secrecy or 'ingen'} till {secrecy or 'ingen'}")
    if not changes:
        raise ValidationError("Ingenting har ändrats.")
    if not reason:
        raise ValidationError({"reason": "Ange skälet till ändringen."})

    case.title = title
    case.official = official
    case.unit = unit
    if secrecy != case.secrecy:
        # A new or changed provision is a new marking (OSL 5 kap. 5 §): today, by the case's
        # authority. Without a provision, no marking is left.
        case.secrecy = secrecy
        for field, value in secrecy_marking_fields(
            secrecy, today, case.body, case.organization
        ).items():
            setattr(case, field, value)
    case.full_clean()
    case.save()
    audit_record(
        actor=actor,
        action="case_update",
        obj=case,
        scope=f"case:{case.pk}",
        summary=f"Ändrade {', '.join(described)}. Skäl: {reason}",
        changes={**changes, "reason": ["", reason]},
    )
    return case


@transaction.atomic
def case_close(
    *,
    actor: User | None,
    case: Case,
    closed_on: datetime.date | None = None,
    decision: str = "",
    today: datetime.date | None = None,
) -> Case:
    """Close a case (avslutat) on a day between its registration and today, with the
    decision that ended it when there is one (e.g. "Regionstyrelsen 2020-08-26 § 112")."""
    if actor is not None:
        require(actor, REGISTER_CASES)
    today = today or timezone.localdate()
    closed_on = closed_on or today
    decision = one_line(decision)
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_may_change(actor, case)
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(f"Ärende {case.number} är redan avslutat.")
    errors: dict[str, str] = {}
    if closed_on < case.registered_on or closed_on > today:
        errors["closed_on"] = (
            f"Avslutsdatumet måste ligga mellan registreringsdatumet "
            f"{case.registered_on.isoformat()} och i dag."
        )
    if len(decision) > DECISION_MAX:
        errors["decision"] = f"Beslutet får beskrivas med högst {DECISION_MAX} tecken."
    if errors:
        raise ValidationError(errors)
    case.status = CaseStatus.CLOSED
    case.closed_on = closed_on
    case.closing_decision = decision
    case.save(update_fields=["status", "closed_on", "closing_decision"])
    audit_record(
        actor=actor,
        action="case_close",
        obj=case,
        scope=f"case:{case.pk}",
        summary=f"Avslutade ärende {case.number} {closed_on.isoformat()}"
        + (f" genom {decision}." if decision else "."),
        changes={"status": ["oppet", "avslutat"], "closed_on": [None, closed_on.isoformat()]},
    )
    return case


@transaction.atomic
def case_reopen(*, actor: User | None, case: Case, reason: str) -> Case:
    """Reopen a closed case, with the reason; its closing day and decision stay in the
    history, not on the case."""
    if actor is not None:
        require(actor, REGISTER_CASES)
    reason = one_line(reason)
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_may_change(actor, case)
    if case.status != CaseStatus.CLOSED:
        raise ValidationError(f"Ärende {case.number} är inte avslutat.")
    if not reason:
        raise ValidationError({"reason": "Ange skälet till att ärendet återupptas."})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Skälet får vara högst {REASON_MAX} tecken."})
    closed_on, decision = case.closed_on, case.closing_decision
    case.status = CaseStatus.OPEN
    case.closed_on = None
    case.closing_decision = ""
    case.save(update_fields=["status", "closed_on", "closing_decision"])
    audit_record(
        actor=actor,
        action="case_reopen",
        obj=case,
        scope=f"case:{case.pk}",
        summary=f"Återupptog ärende {case.number}. Skäl: {reason}",
        changes={
            "status": ["avslutat", "oppet"],
            "closed_on": [closed_on.isoformat() if closed_on else None, None],
            "closing_decision": [decision, ""],
        },
    )
    return case


@transaction.atomic
def case_classify(
    *, actor: User | None, case: Case, process: ClassNode | None, reason: str = ""
) -> Case:
    """Classify a case to a process of the body's classification structure, or correct its
    classification; also a closed case, since its documents' retention and its archive
    package follow the process. Those who register and archivists may; a secret case only
    those who see its secrets (selectors.may_classify_case)."""
    if actor is not None:
        require(actor, CLASSIFY_CASES)
    case = Case.objects.select_for_update(of=("self",)).select_related("process").get(pk=case.pk)
    if actor is not None and not may_classify_case(actor, case):
        raise PermissionDenied(change_refusal(case))
    reason = one_line(reason)
    if refusal := process_refusal(case.body, process):
        raise ValidationError({"process": refusal})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Skälet får vara högst {REASON_MAX} tecken."})
    if process == case.process:
        raise ValidationError("Ingenting har ändrats.")
    before = str(case.process) if case.process else "ingen"
    after = str(process) if process else "ingen"
    case.process = process
    case.save(update_fields=["process"])
    audit_record(
        actor=actor,
        action="case_classify",
        obj=case,
        scope=f"case:{case.pk}",
        summary=f"Klassificerade ärendet: process från {before} till {after}."
        + (f" Skäl: {reason}" if reason else ""),
        changes={"process": [before, after]},
    )
    return case
