"""Loading the demo meeting's minutes, recorded as held (facts in demo/minutes.py)."""

from typing import Any

from kansli.meetings.models import Meeting
from kansli.minutes import services as minutes_services
from kansli.minutes.models import Minutes
from kansli.people import selectors as people_selectors
from kansli.people.models import Person

from . import minutes as demo_minutes
from .report import LoadReport


def _named(name: str) -> Person:
    first, last = name.split(" ", 1)
    return Person.objects.get(first_name=first, last_name=last)


def minutes_load(report: LoadReport, meeting: Meeting) -> None:
    """The meeting recorded as held: attendance, adjusters and the paragraphs that differ
    from the proposals. Left unsigned, so the demo's chair and adjuster can sign."""
    if Minutes.objects.filter(meeting=meeting).exists():
        return
    facts = demo_minutes
    minutes = minutes_services.minutes_create(
        actor=None,
        meeting=meeting,
        first_number=facts.FIRST_NUMBER,
        secretary_name=facts.SECRETARY,
        kept_at=facts.KEPT_AT,
        adjustment_place=facts.ADJUSTMENT_PLACE,
    )
    report.count("protokoll")
    members, _ = people_selectors.memberships_on(
        viewer=None, organization=meeting.organization, day=meeting.date
    )
    present = [m.person.name for m in members if m.person.name not in facts.ABSENT]
    entries = []
    for name in [*present, *facts.SUBSTITUTES_PRESENT]:
        from_item, to_item = facts.LATE_OR_EARLY.get(name, (None, None))
        entries.append(
            minutes_services.AttendanceInput(_named(name), from_item=from_item, to_item=to_item)
        )
    minutes_services.attendance_record(
        actor=None, minutes=minutes, entries=entries, others_present=facts.OTHERS_PRESENT
    )
    minutes_services.minutes_set_adjustment(
        actor=None,
        minutes=minutes,
        chair=_named(facts.CHAIR),
        adjuster=_named(facts.ADJUSTER),
        substitute_adjuster=_named(facts.SUBSTITUTE_ADJUSTER),
        place=facts.ADJUSTMENT_PLACE,
        date=facts.ADJUSTMENT_DATE,
        kept_at=facts.KEPT_AT,
        secretary_name=facts.SECRETARY,
    )
    for number, content in facts.PARAGRAPHS.items():
        _paragraph(minutes, number, content)


def _paragraph(minutes: Minutes, number: int, content: dict[str, Any]) -> None:
    paragraph = minutes.paragraphs.get(agenda_item__number=number)

    def entries(key: str) -> list[minutes_services.Entry]:
        return [
            minutes_services.Entry(_named(name) if name else None, text)
            for name, text in content.get(key, [])
        ]

    # paragraph_update replaces every field: what is not changed is passed on as it is.
    paragraph = minutes_services.paragraph_update(
        actor=None,
        paragraph=paragraph,
        decision_formula=paragraph.decision_formula,
        decision_clauses=content.get("clauses", paragraph.decision_clauses),
        summary=content.get("summary", paragraph.summary),
        proposition_order=content.get("proposition_order", ""),
        proposals=entries("proposals"),
        reservations=entries("reservations"),
        notes=entries("notes"),
        disqualified=[_named(name) for name in content.get("disqualified", [])],
    )
    vote = content.get("vote")
    if vote is not None:
        serving = minutes_services.composition_of(paragraph).serving
        minutes_services.vote_record(
            actor=None,
            paragraph=paragraph,
            yes_label=vote["yes_label"],
            no_label=vote["no_label"],
            ballots={s.person: "nej" if s.person.name in vote["no"] else "ja" for s in serving},
        )
