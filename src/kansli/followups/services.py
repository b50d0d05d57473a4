"""Writes of follow-ups and assignments, each with an audit row (the audit rows of an
assignment are its history of status reports)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.checks import not_future, one_line, text_field
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.memos.models import Memo
from kansli.people.models import Official, Organization
from kansli.registry.models import Case

from . import rules
from .models import Assignment, AssignmentStatus, FollowUp
from .permissions import KEEP_FOLLOW_UPS


@transaction.atomic
def assignment_create(
    *,
    actor: User | None,
    organization: Organization,
    number: str,
    title: str,
    responsible: str,
    given_on: datetime.date,
    due_on: datetime.date | None = None,
    case: Case | None = None,
    official: Official | None = None,
) -> Assignment:
    """Record an assignment a body gave ("Uppdrag 53"), not started; `official` is the
    official who answers for it and sees it among their deadlines."""
    if actor is not None:
        require(actor, KEEP_FOLLOW_UPS)
    errors: dict[str, str] = {}
    number = text_field(errors, "number", number, 20, "Ange uppdragets nummer, till exempel ”53”.")
    title = text_field(errors, "title", title, 500, "Beskriv uppdraget.")
    responsible = text_field(errors, "responsible", responsible, 200, "Ange vem som är ansvarig.")
    not_future(errors, "given_on", given_on, "Dagen uppdraget gavs")
    if due_on is not None and due_on < given_on:
        errors["due_on"] = "Uppdraget kan inte ha sista dag före den dag det gavs."
    if case is not None and case.body_id != organization.body_id:
        errors["case"] = f"Ärende {case.number} hör till en annan huvudman."
    if official is not None and official.body_id != organization.body_id:
        errors["official"] = f"{official} hör till en annan huvudman."
    if number and Assignment.objects.filter(organization=organization, number=number).exists():
        errors["number"] = f"{organization} har redan ett uppdrag {number}."
    if errors:
        raise ValidationError(errors)
    assignment = Assignment(
        body=organization.body,
        organization=organization,
        number=number,
        title=title,
        responsible=responsible,
        responsible_official=official,
        given_on=given_on,
        due_on=due_on,
        case=case,
    )
    assignment.full_clean()
    assignment.save()
    audit_record(
        actor=actor,
        action="assignment_create",
        obj=assignment,
        scope=f"assignment:{assignment.pk}",
        summary=f"{organization} gav uppdrag {number} till {responsible} {given_on.isoformat()}.",
    )
    return assignment


@transaction.atomic
def assignment_report(
    *,
    actor: User | None,
    assignment: Assignment,
    status: str,
    forecast: str,
    reported_on: datetime.date,
    completed_on: datetime.date | None = None,
) -> Assignment:
    """Report an assignment's status (ej startat, startat, klart) and forecast."""
    if actor is not None:
        require(actor, KEEP_FOLLOW_UPS)
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    errors: dict[str, str] = {}
    problem = rules.status_problem(status, completed_on, assignment.given_on)
    if problem:
        errors["completed_on" if status in rules.STATUS_CODES else "status"] = problem
    forecast = one_line(forecast)
    if len(forecast) > 1000:
        errors["forecast"] = "Högst 1000 tecken."
    not_future(errors, "reported_on", reported_on, "Rapportdagen")
    not_future(errors, "completed_on", completed_on, "Dagen uppdraget blev klart")
    if reported_on < assignment.given_on:
        errors["reported_on"] = "Rapportdagen kan inte vara före den dag uppdraget gavs."
    if errors:
        raise ValidationError(errors)
    before = [assignment.get_status_display(), assignment.forecast]
    assignment.status = status
    assignment.forecast = forecast
    assignment.reported_on = reported_on
    assignment.completed_on = completed_on if status == AssignmentStatus.DONE else None
    assignment.full_clean()
    assignment.save()
    label = AssignmentStatus(status).label
    audit_record(
        actor=actor,
        action="assignment_report",
        obj=assignment,
        scope=f"assignment:{assignment.pk}",
        summary=f"Rapport {reported_on.isoformat()}: {label.lower()}"
        + (f". Prognos: {forecast}" if forecast else ".")
        + (f" Klart {assignment.completed_on.isoformat()}." if assignment.completed_on else ""),
        changes={"status": [before[0], label], "forecast": [before[1], forecast]},
    )
    return assignment


def _interim_days() -> list[tuple[int, int]]:
    return [tuple(day) for day in settings.KANSLI_INTERIM_REPORT_DAYS]  # type: ignore[misc]


@transaction.atomic
def followup_create(
    *,
    actor: User | None,
    case: Case,
    description: str,
    decided_on: datetime.date,
    due_on: datetime.date | None = None,
    with_interim_report: bool = False,
    memo: Memo | None = None,
) -> FollowUp:
    """Record that a decision or memo requires a follow-up: by `due_on`, or with the next
    interim report after the decision (rules.followup_due)."""
    if actor is not None:
        require(actor, KEEP_FOLLOW_UPS)
    errors: dict[str, str] = {}
    description = text_field(
        errors, "description", description, 1000, "Ange vad som ska följas upp."
    )
    if with_interim_report and due_on is not None:
        errors["due_on"] = "Ange antingen ett datum eller ”med delårsrapporten”, inte båda."
    elif not with_interim_report and due_on is None:
        errors["due_on"] = "Ange ett datum eller välj ”med delårsrapporten”."
    elif due_on is not None and due_on < decided_on:
        errors["due_on"] = "Uppföljningen kan inte vara före beslutet."
    not_future(errors, "decided_on", decided_on, "Beslutsdagen")
    if memo is not None and memo.case_id != case.pk:
        errors["memo"] = "Föredragnings-PM:et hör till ett annat ärende."
    if errors:
        raise ValidationError(errors)
    due = rules.followup_due(decided_on, due_on, with_interim_report, _interim_days())
    followup = FollowUp(
        case=case,
        memo=memo,
        description=description,
        with_interim_report=with_interim_report,
        due_on=due,
        created_on=decided_on,
    )
    followup.full_clean()
    followup.save()
    audit_record(
        actor=actor,
        action="followup_create",
        obj=followup,
        scope=f"case:{case.pk}",
        summary=f"Uppföljning senast {due.isoformat()}"
        + (" (med delårsrapporten)" if with_interim_report else "")
        + f": {description}",
    )
    return followup


@transaction.atomic
def followup_done(*, actor: User | None, followup: FollowUp, done_on: datetime.date) -> FollowUp:
    if actor is not None:
        require(actor, KEEP_FOLLOW_UPS)
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
    if followup.done_on is not None:
        raise ValidationError(f"Uppföljningen är redan klar ({followup.done_on.isoformat()}).")
    errors: dict[str, str] = {}
    not_future(errors, "done_on", done_on, "Dagen uppföljningen gjordes")
    if done_on < followup.created_on:
        errors["done_on"] = "Uppföljningen kan inte vara klar före beslutet."
    if errors:
        raise ValidationError(errors)
    followup.done_on = done_on
    followup.save(update_fields=["done_on"])
    audit_record(
        actor=actor,
        action="followup_done",
        obj=followup,
        scope=f"case:{followup.case_id}",
        summary=f"Uppföljningen är gjord {done_on.isoformat()}.",
    )
    return followup
