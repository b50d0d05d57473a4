"""The report to a body's meeting: its delegated decisions (anmälningsärenden) and the
communications it received (meddelandeärenden), compiled into one agenda item with two
numbered lists, as item 12 of the corpus."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.permissions import EDIT_AGENDA
from kansli.minutes.compiled_item import (
    compiled_item_add,
    compiled_item_find,
    compiled_item_memo,
    compiled_item_write,
    item_open_check,
    meeting_open_check,
    numbered_list,
)
from kansli.registry.models import Case, CaseType, Series

from .. import rules
from ..models import Communication, DelegatedDecision
from ._common import check_organization

REPORT_TITLE = "Anmälnings- och meddelandeärenden"
REPORT_CLAUSE = "att godkänna redovisningen"


def report_summary(decisions: list[DelegatedDecision], communications: list[Communication]) -> str:
    """The item's Sammanfattning: "Anmälningsärenden:" and "Meddelandeärenden:", each a
    numbered list, one line per decision or communication, with its case number."""
    parts = []
    if decisions:
        parts.append(
            numbered_list(
                "Anmälningsärenden",
                [rules.report_line(d.summary, d.case.number if d.case else "") for d in decisions],
            )
        )
    if communications:
        parts.append(
            numbered_list(
                "Meddelandeärenden",
                [
                    rules.report_line(c.summary, c.case.number if c.case else "")
                    for c in communications
                ],
            )
        )
    return "\n\n".join(parts) or "Inga anmälnings- eller meddelandeärenden."


def _pending(meeting: Meeting) -> tuple[list[DelegatedDecision], list[Communication]]:
    organization = meeting.organization
    decisions = [
        decision
        for decision in DelegatedDecision.objects.select_for_update(of=("self",))
        .filter(organization=organization, report_item__isnull=True, decided_on__lte=meeting.date)
        .select_related("point")
        if rules.must_be_reported(point_reported=decision.point.reported, urgent=decision.urgent)
    ]
    communications = list(
        Communication.objects.select_for_update().filter(
            organization=organization, report_item__isnull=True, received_on__lte=meeting.date
        )
    )
    return decisions, communications


def _write_summary(actor: User | None, item: AgendaItem) -> None:
    decisions = list(item.delegated_decisions.select_related("case").order_by("decided_on", "pk"))
    communications = list(item.communications.select_related("case").order_by("received_on", "pk"))
    assert item.memo is not None
    compiled_item_write(
        actor=actor,
        item=item,
        summary=report_summary(decisions, communications),
        listing=f"Förteckning över {REPORT_TITLE.lower()} {item.memo.meeting_date.isoformat()}",
    )


@transaction.atomic
def report_item_compile(
    *,
    actor: User | None,
    meeting: Meeting,
    case: Case | None = None,
    series: Series | None = None,
) -> AgendaItem:
    """Put every delegated decision the body is to be told of (rules.must_be_reported) and every
    communication it received, up to the meeting's day and not yet reported, on the meeting's
    agenda item "Anmälnings- och meddelandeärenden" — created on first use (in `case`, or in a
    new case in `series`), extended when run again. The item's memo gets the numbered lists."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organization__body")
        .get(pk=meeting.pk)
    )
    check_organization(meeting.organization)
    meeting_open_check(meeting)
    decisions, communications = _pending(meeting)
    item = compiled_item_find(
        meeting,
        linked=Q(delegated_decisions__isnull=False) | Q(communications__isnull=False),
        title=REPORT_TITLE,
    )
    if not decisions and not communications:
        raise ValidationError(
            f"Det finns inga {'nya ' if item else ''}delegationsbeslut eller meddelanden att "
            f"anmäla till {meeting.organization} {meeting.date.isoformat()}."
        )
    if item is None:
        organization = meeting.organization
        item = compiled_item_add(
            actor=actor,
            meeting=meeting,
            title=REPORT_TITLE,
            clauses=[REPORT_CLAUSE],
            case=case,
            series=series,
            case_title=f"{REPORT_TITLE} {meeting.date.year}, {organization}",
            case_type=CaseType.DELEGATION,
        )
    else:
        item_open_check(item)
        item = compiled_item_memo(actor=actor, item=item)
    DelegatedDecision.objects.filter(pk__in=[d.pk for d in decisions]).update(report_item=item)
    Communication.objects.filter(pk__in=[c.pk for c in communications]).update(report_item=item)
    _write_summary(actor, item)
    audit_record(
        actor=actor,
        action="report_item_compile",
        obj=item,
        scope=f"meeting:{meeting.pk}",
        summary=f"Sammanställde {len(decisions)} delegationsbeslut och {len(communications)} "
        f"meddelanden under punkt {item.number}, {REPORT_TITLE.lower()}.",
    )
    return item


@transaction.atomic
def report_row_remove(
    *, actor: User | None, row: DelegatedDecision | Communication
) -> DelegatedDecision | Communication:
    """Take one delegated decision or communication off the report it was compiled into (put
    there by mistake, or to wait for a later meeting): it is unreported again and the item's
    lists are written anew. Refused once the meeting's minutes are adjusted."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    model = type(row)
    row = model.objects.select_for_update(of=("self",)).get(pk=row.pk)
    if row.report_item_id is None:
        raise ValidationError("Raden finns inte i någon sammanställning.")
    item = AgendaItem.objects.select_related("meeting__organization", "memo").get(
        pk=row.report_item_id
    )
    item_open_check(item)
    row.report_item = None
    row.save(update_fields=["report_item"])
    if item.memo_id is not None:
        _write_summary(actor, item)
    what = "delegationsbeslutet" if isinstance(row, DelegatedDecision) else "meddelandet"
    audit_record(
        actor=actor,
        action="report_row_remove",
        obj=item,
        scope=f"meeting:{item.meeting_id}",
        summary=f"Tog bort {what} ”{row.summary[:80]}” från punkt {item.number}, "
        f"{REPORT_TITLE.lower()}.",
    )
    return row
