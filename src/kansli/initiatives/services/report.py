"""The report to fullmäktige of motions and citizen proposals not yet decided (KL 5 kap.
35 §), as an agenda item of a council meeting with its memo: two numbered lists, each line
with its limit, the ones past it marked. Compiled again before the minutes are adjusted, it
is written anew from the register."""

import datetime

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
from kansli.people.models import OrganizationKind
from kansli.registry.models import Case, CaseType, Series

from .. import rules
from ..limits import deadline_of
from ..models import Initiative

REPORT_TITLE = "Redovisning av obesvarade motioner och medborgarförslag"
REPORT_CLAUSE = "att lägga redovisningen till handlingarna"


def report_line(initiative: Initiative, on: datetime.date) -> str:
    """ "Motion om …, från Jihad Menhem (V). Inkom 2020-01-20, bereds av Regionstyrelsen,
    ska vara beslutad senast 2021-01-20, 20RS1234." — with "tidsgränsen har passerats" after
    the limit."""
    deadline = deadline_of(initiative)
    sender = initiative.public_from()
    parts = [f"{initiative.title.rstrip('. ')}" + (f", från {sender}" if sender else "")]
    state = f"Inkom {initiative.received_on.isoformat()}"
    preparer = initiative.delegated_to or initiative.referred_to
    if preparer is not None:
        verb = (
            initiative.word("överlämnad till", "överlämnat till")
            if initiative.delegated_to
            else "bereds av"
        )
        state += f", {verb} {preparer.name}"
    state += f", ska vara {initiative.word('beslutad', 'beslutat')} senast {deadline.isoformat()}"
    if deadline < on:
        state += " (tidsgränsen har passerats)"
    parts.append(f"{state}, {initiative.case.number}")
    return ". ".join(parts) + "."


def report_summary(initiatives: list[Initiative], on: datetime.date) -> str:
    """The memo's summary: why it is reported, then "Motioner:" and "Medborgarförslag:"."""
    motions = [i for i in initiatives if i.is_motion]
    proposals = [i for i in initiatives if not i.is_motion]
    past = sum(1 for i in initiatives if deadline_of(i) < on)
    parts = [
        "En motion ska om möjligt beredas så att fullmäktige kan fatta beslut inom ett år från "
        "det att den väcktes. Kan beredningen inte avslutas inom den tiden ska det anmälas till "
        "fullmäktige (kommunallagen 5 kap. 35 §). Här redovisas de motioner och "
        f"medborgarförslag som inte var avgjorda den {on.isoformat()}."
    ]
    if motions:
        parts.append(numbered_list("Motioner", [report_line(i, on) for i in motions]))
    if proposals:
        parts.append(numbered_list("Medborgarförslag", [report_line(i, on) for i in proposals]))
    if past:
        parts.append(
            f"{past} av dem har passerat tidsgränsen. Fullmäktige kan avskriva en motion som "
            "inte beretts inom ett år och som redovisats."
        )
    return "\n\n".join(parts)


def _undecided(meeting: Meeting) -> list[Initiative]:
    found = (
        Initiative.objects.select_for_update(of=("self",))
        .filter(body_id=meeting.organization.body_id, received_on__lte=meeting.date)
        .filter(Q(decided_on__isnull=True) | Q(decided_on__gt=meeting.date))
        .select_related("case", "referred_to", "delegated_to")
        .prefetch_related("authors__party")
        .order_by("received_on", "pk")
    )
    return [i for i in found if rules.to_be_reported(i.received_on, i.decided_on, meeting.date)]


def _write(
    actor: User | None, item: AgendaItem, meeting: Meeting, initiatives: list[Initiative]
) -> None:
    compiled_item_write(
        actor=actor,
        item=item,
        summary=report_summary(initiatives, meeting.date),
        listing=f"Förteckning över obesvarade motioner och medborgarförslag "
        f"{meeting.date.isoformat()}",
    )


@transaction.atomic
def report_item_rewrite(*, actor: User | None, item: AgendaItem) -> None:
    """Write the report's memo anew from the initiatives it holds, as they read now (a
    proposer's consent changed). The caller checks that the minutes are open."""
    item = AgendaItem.objects.select_related("meeting", "memo").get(pk=item.pk)
    meeting = item.meeting
    initiatives = [
        i
        for i in item.reported_initiatives.select_related("case", "referred_to", "delegated_to")
        .prefetch_related("authors__party")
        .order_by("received_on", "pk")
        if rules.to_be_reported(i.received_on, i.decided_on, meeting.date)
    ]
    _write(actor, item, meeting, initiatives)


@transaction.atomic
def not_prepared_report_compile(
    *,
    actor: User | None,
    meeting: Meeting,
    case: Case | None = None,
    series: Series | None = None,
) -> AgendaItem:
    """Put the report of every motion and citizen proposal not decided on the meeting's day on
    fullmäktige's agenda: item "Redovisning av obesvarade motioner och medborgarförslag" with
    "att lägga redovisningen till handlingarna", created on first use (in `case`, or in a new
    case in `series`), written anew when run again. Each initiative keeps the item among
    its reports (Initiative.reports)."""
    if actor is not None:
        require(actor, EDIT_AGENDA)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organization__body")
        .get(pk=meeting.pk)
    )
    if meeting.organization.kind != OrganizationKind.COUNCIL:
        raise ValidationError(
            {"meeting": "Redovisningen av obesvarade motioner lämnas till fullmäktige."}
        )
    meeting_open_check(meeting)
    initiatives = _undecided(meeting)
    if not initiatives:
        raise ValidationError(
            "Det finns inga obesvarade motioner eller medborgarförslag att redovisa den "
            f"{meeting.date.isoformat()}."
        )
    item = compiled_item_find(
        meeting, linked=Q(reported_initiatives__isnull=False), title=REPORT_TITLE
    )
    if item is None:
        item = compiled_item_add(
            actor=actor,
            meeting=meeting,
            title=REPORT_TITLE,
            clauses=[REPORT_CLAUSE],
            case=case,
            series=series,
            case_title=f"{REPORT_TITLE} {meeting.date.year}",
            case_type=CaseType.REPORT,
        )
    else:
        item_open_check(item)
        item = compiled_item_memo(actor=actor, item=item)
    item.reported_initiatives.set(initiatives)
    _write(actor, item, meeting, initiatives)
    past = sum(1 for i in initiatives if deadline_of(i) < meeting.date)
    audit_record(
        actor=actor,
        action="not_prepared_report_compile",
        obj=item,
        scope=f"meeting:{meeting.pk}",
        summary=f"Redovisade {len(initiatives)} obesvarade motioner och medborgarförslag "
        f"({past} efter tidsgränsen) under punkt {item.number}.",
    )
    return item
