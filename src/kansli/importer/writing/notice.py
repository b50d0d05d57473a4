"""A notice's meeting, agenda items and memos; a standalone memo."""

import datetime

from kansli.core.models import User
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.services import agenda_item_add, agenda_item_memo_create, meeting_create
from kansli.memos.models import Memo
from kansli.memos.services import (
    BasisInput,
    RecipientInput,
    memo_create,
    memo_update,
    proposal_create,
)
from kansli.people.models import Body, Organization

from ..parsing import parsed as p
from ..parsing.problems import SECTION_KEYS
from . import cases, lookup
from .cases import ImportRefused
from .log import Log


def meeting(
    actor: User | None,
    body: Body,
    organization: Organization,
    day: datetime.date,
    start: datetime.time | None,
    end: datetime.time | None,
    place: str | None,
    log: Log,
) -> Meeting:
    found = Meeting.objects.filter(organization=organization, date=day).first()
    if found is not None:
        log.existing(f"Sammanträde {organization} {day.isoformat()}")
        return found
    if start is None:
        raise ImportRefused(
            f"Sammanträdet {organization} {day.isoformat()} finns inte och filen anger ingen "
            "starttid (till exempel ”Tid: kl. 09:30”)."
        )
    log.created(f"Sammanträde {organization} {day.isoformat()}")
    return meeting_create(
        actor=actor,
        organization=organization,
        date=day,
        start_time=start,
        end_time=end,
        place=place or "",
    )


def write_notice(
    actor: User | None, body: Body, notice: p.Meeting, memos: list[p.Memo], log: Log
) -> None:
    assert notice.organization and notice.date  # checked by the reading
    organization = lookup.organization(actor, body, notice.organization, log)
    meeting_ = meeting(
        actor, body, organization, notice.date, notice.start, notice.end, notice.place, log
    )
    for person in [*notice.members, *notice.substitutes]:
        log.line = None
        who = lookup.person(actor, person.name, person.party, log)
        lookup.membership(actor, who, organization, person.role, notice.date, log)
    by_number = {memo.item: memo for memo in memos}
    for item in notice.items:
        log.line = item.line
        agenda_item = _agenda_item(actor, body, organization, meeting_, item, log)
        memo = by_number.get(item.number)
        if memo is not None and agenda_item.case is not None:
            _item_memo(actor, agenda_item, memo, log)
            cases.attachments(actor, agenda_item.case, memo.attachments, notice.date, log)


def _agenda_item(
    actor: User | None,
    body: Body,
    organization: Organization,
    meeting_: Meeting,
    item: p.Item,
    log: Log,
) -> AgendaItem:
    found = AgendaItem.objects.filter(meeting=meeting_, number=item.number).first()
    if found is not None:
        log.existing(f"Punkt {item.number} {item.title[:60]}")
        return found
    case = None
    if item.case_number:
        case = cases.case(
            actor, body, item.case_number, item.title, organization, meeting_.date, log
        )
    log.created(f"Punkt {item.number} {item.title[:60]}")
    return agenda_item_add(
        actor=actor,
        meeting=meeting_,
        title=item.title,
        number=item.number,
        case=case,
        formula=item.formula or "",
        clauses=item.clauses,
    )


def _content(memo: p.Memo) -> dict[str, object]:
    return {
        "title": memo.title,
        "formula": memo.formula or "",
        "clauses": memo.clauses,
        "sections": {
            SECTION_KEYS[k].value: v for k, v in memo.sections.items() if k in SECTION_KEYS
        },
        "basis": [BasisInput(text=text[:500]) for text in memo.basis],
        "recipients": [RecipientInput(kind="text", text=text[:300]) for text in memo.send_to],
        "signatory_name": memo.signatory[0] if memo.signatory else "",
        "signatory_title": memo.signatory[1] if memo.signatory else "",
        "unit": memo.unit or "",
        "official_name": memo.official or "",
        "meeting_date": memo.meeting_date,
        "case_number": memo.case_number,
    }


def _item_memo(actor: User | None, item: AgendaItem, memo: p.Memo, log: Log) -> None:
    if item.memo_id is not None:
        log.existing(f"Föredragnings-PM för punkt {item.number}")
        return
    created = agenda_item_memo_create(actor=actor, item=item)
    memo_update(actor=actor, memo=created, **_content(memo))  # type: ignore[arg-type]
    log.created(f"Föredragnings-PM för punkt {item.number} (utkast)")


def write_memo(actor: User | None, body: Body, memo: p.Memo, log: Log) -> None:
    """A standalone memo: its case and organ, the memo as a draft, its attachments."""
    assert memo.organization and memo.case_number and memo.meeting_date
    log.line = memo.line
    organization = lookup.organization(actor, body, memo.organization, log)
    case = cases.case(
        actor, body, memo.case_number, memo.title, organization, memo.meeting_date, log
    )
    existing = Memo.objects.filter(case=case, meeting_date=memo.meeting_date).first()
    if existing is not None:
        log.existing(f"Föredragnings-PM {case.number} {memo.meeting_date.isoformat()}")
    else:
        proposal = proposal_create(
            actor=actor,
            formula=memo.formula or f"{organization} beslutar",
            clauses=memo.clauses,
            scope=f"case:{case.pk}",
        )
        created = memo_create(
            actor=actor,
            case=case,
            organization=organization,
            meeting_date=memo.meeting_date,
            proposal=proposal,
            title=memo.title or case.title,
        )
        memo_update(actor=actor, memo=created, **_content(memo))  # type: ignore[arg-type]
        log.created(f"Föredragnings-PM {case.number} (utkast)")
    cases.attachments(actor, case, memo.attachments, memo.meeting_date, log)
