"""Minutes: the meeting, one agenda item per paragraph, the seats of those present, then the
minutes through the minutes services — left as a draft for the secretary to check and
adjust."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.models import User
from kansli.meetings.models import AgendaItem
from kansli.meetings.services import agenda_item_add
from kansli.minutes.models import Minutes, Paragraph
from kansli.minutes.services.minutes import (
    AttendanceInput,
    attendance_record,
    minutes_create,
    minutes_set_adjustment,
)
from kansli.minutes.services.paragraph import paragraph_update
from kansli.people.models import Body, MembershipRole, Person

from ..parsing import parsed as p
from . import cases, lookup
from .cases import ImportRefused
from .log import Log
from .notice import meeting


def write_minutes(actor: User | None, body: Body, minutes: p.Minutes, log: Log) -> None:
    assert minutes.organization and minutes.date
    log.line = minutes.line
    organization = lookup.organization(actor, body, minutes.organization, log)
    meeting_ = meeting(
        actor,
        body,
        organization,
        minutes.date,
        minutes.start,
        minutes.end,
        minutes.place,
        log,
    )
    if Minutes.objects.filter(meeting=meeting_).exists():
        log.existing(f"Protokoll {organization} {minutes.date.isoformat()}")
        return
    items = list(AgendaItem.objects.filter(meeting=meeting_).order_by("number"))
    if items and len(items) != len(minutes.paragraphs):
        raise ImportRefused(
            f"Sammanträdet {organization} {minutes.date.isoformat()} har {len(items)} punkter "
            f"på dagordningen men protokollet {len(minutes.paragraphs)} paragrafer."
        )
    if not items:
        for position, paragraph in enumerate(minutes.paragraphs, start=1):
            log.line = paragraph.line
            case = None
            if paragraph.case_number:
                case = cases.case(
                    actor,
                    body,
                    paragraph.case_number,
                    paragraph.title,
                    organization,
                    minutes.date,
                    log,
                )
            agenda_item_add(
                actor=actor,
                meeting=meeting_,
                title=paragraph.title,
                number=position,
                case=case,
                formula=paragraph.formula or "" if paragraph.clauses else "",
                clauses=paragraph.clauses,
            )
    log.line = minutes.line
    people: dict[str, Person] = {}
    for present in minutes.present:
        who = lookup.person(actor, present.name, present.party, log)
        people[present.name] = who
        if present.replaces:
            role = MembershipRole.SUBSTITUTE
        elif present.name == minutes.chair:
            role = MembershipRole.CHAIR
        else:
            role = MembershipRole.MEMBER
        lookup.membership(actor, who, organization, role, minutes.date, log)
        if present.replaces:  # the member served for holds a seat, absent this day
            absent = lookup.person(actor, present.replaces, present.party, log)
            people[present.replaces] = absent
            member = MembershipRole.MEMBER
            lookup.membership(actor, absent, organization, member, minutes.date, log)
    first = minutes.paragraphs[0].number if minutes.paragraphs else None
    created = minutes_create(actor=actor, meeting=meeting_, first_number=first)
    entries = []
    for present in minutes.present:
        replaced = None
        if present.replaces:
            replaced = people[present.replaces]
        entries.append(AttendanceInput(person=people[present.name], replaces=replaced))
    attendance_record(actor=actor, minutes=created, entries=entries)
    _decisions(actor, created, minutes, log)
    adjusters = [
        people.get(name) or lookup.person(actor, name, None, log) for name in minutes.adjusters
    ]
    minutes_set_adjustment(
        actor=actor,
        minutes=created,
        chair=people.get(minutes.chair or ""),
        adjuster=adjusters[0] if adjusters else None,
        second_adjuster=adjusters[1] if len(adjusters) > 1 else None,
        place=minutes.adjustment or "",
        secretary_name=minutes.secretary or "",
    )
    log.created(
        f"Protokoll {organization} {minutes.date.isoformat()} "
        f"(§§ {first}–{minutes.paragraphs[-1].number}, utkast)"
    )


def _decisions(actor: User | None, created: Minutes, minutes: p.Minutes, log: Log) -> None:
    """Each paragraph says what the meeting decided, which may differ from the proposal on the
    agenda: written where the minutes give it as formula and att-clauses. A decision in prose
    ("Informationen noteras.") has no such form: the paragraph keeps what it had (the proposal,
    if any), and a warning names it, for the secretary to write in before adjusting."""
    paragraphs = list(Paragraph.objects.filter(minutes=created).order_by("number"))
    for paragraph, read in zip(paragraphs, minutes.paragraphs, strict=False):
        log.line = read.line
        if not read.clauses:
            if read.decision.strip():
                log.warn(
                    f"{paragraph.label}: beslutet står som löptext utan att-satser och förs "
                    "inte in. För in det i paragrafen innan protokollet justeras."
                )
            continue
        formula = read.formula or f"{paragraph.organization} beslutar"
        if paragraph.decision_formula == formula and paragraph.decision_clauses == read.clauses:
            continue
        try:
            with transaction.atomic():
                paragraph_update(
                    actor=actor,
                    paragraph=paragraph,
                    decision_formula=formula,
                    decision_clauses=read.clauses,
                    summary=paragraph.summary,
                )
        except ValidationError as error:
            log.warn(
                f"{paragraph.label}: beslutet kunde inte föras in ({'; '.join(error.messages)}); "
                "paragrafen visar förslaget till beslut."
            )
