"""Starting the minutes of a meeting and recording who attended."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kansli.core.audit import audit_record
from kansli.core.confirm import NeedsConfirmation
from kansli.core.models import User
from kansli.meetings.models import AgendaItem, Meeting
from kansli.memos.models import SectionKey
from kansli.people.models import MembershipRole, Organization, Person
from kansli.people.selectors import memberships_on

from ..models import Attendance, Minutes, Paragraph
from ._guard import require_open, require_secretary


def _scope(minutes: Minutes) -> str:
    return f"meeting:{minutes.meeting_id}"


@transaction.atomic
def minutes_create(
    *,
    actor: User | None,
    meeting: Meeting,
    first_number: int | None = None,
    secretary_name: str = "",
    kept_at: str = "",
    adjustment_place: str = "",
    confirmed: bool = True,
) -> Minutes:
    """Start the minutes: one paragraph per agenda item, numbered on from the
    organization's last paragraph of the year; the decision is the item's proposal; every
    member marked present; chair and adjusters taken from the seats and from the
    "Protokollsjustering" item's clause where it names them. Before the meeting day the
    browser asks first (`confirmed`): the minutes take the agenda over."""
    require_secretary(actor)
    meeting = Meeting.objects.select_related("organization__body").get(pk=meeting.pk)
    organization = Organization.objects.select_for_update().get(pk=meeting.organization_id)
    if Minutes.objects.filter(meeting=meeting).exists():
        raise ValidationError("Sammanträdet har redan ett protokoll.")
    if meeting.is_cancelled:
        raise ValidationError("Sammanträdet är inställt och får inget protokoll.")
    if meeting.date > timezone.localdate() and not confirmed:
        raise NeedsConfirmation(
            [
                f"Sammanträdet hålls {meeting.date.isoformat()}. När protokollet är påbörjat "
                "ändras dagordningen bara i protokollet, och kallelsen kan inte längre skickas. "
                "Vill du påbörja protokollet redan nu?"
            ]
        )
    items = list(
        AgendaItem.objects.filter(meeting=meeting, withdrawn_at__isnull=True)
        .select_related("case", "proposal", "memo")
        .order_by("number")
    )
    if not items:
        raise ValidationError("Dagordningen är tom. Lägg till ärenden innan protokollet förs.")
    year = meeting.date.year
    last = max(
        Paragraph.objects.filter(organization=organization, year=year).values_list(
            "number", flat=True
        ),
        default=0,
    )
    if first_number is not None and first_number <= last:
        raise ValidationError(
            {
                "first_number": f"{organization} har redan § {last} för {year}; "
                f"numreringen fortsätter från § {last + 1}."
            }
        )
    number = first_number if first_number is not None else last + 1
    members, substitutes = memberships_on(viewer=None, organization=organization, day=meeting.date)
    chair = next((m.person for m in members if m.role == MembershipRole.CHAIR), None)
    minutes = Minutes(
        meeting=meeting,
        chair=chair,
        secretary_name=" ".join(secretary_name.split()),
        kept_at=" ".join(kept_at.split()),
        adjustment_place=" ".join(adjustment_place.split()),
        adjustment_date=None,
    )
    _adjusters_from_agenda(minutes, items, [m.person for m in [*members, *substitutes]])
    minutes.full_clean()
    minutes.save()
    Attendance.objects.bulk_create(Attendance(minutes=minutes, person=m.person) for m in members)
    for offset, item in enumerate(items):
        paragraph_for(minutes, item, organization, year, number + offset)
    audit_record(
        actor=actor,
        action="minutes_create",
        obj=minutes,
        scope=_scope(minutes),
        summary=f"Påbörjade protokoll för {meeting}: §§ {number}–{number + len(items) - 1}.",
    )
    return minutes


def paragraph_for(
    minutes: Minutes, item: AgendaItem, organization: Organization, year: int, number: int
) -> Paragraph:
    proposal = item.proposal
    summary = ""
    send_to: list[dict[str, object]] = []
    if item.memo is not None:
        summary = next(
            (s.text for s in item.memo.sections.all() if s.key == SectionKey.SUMMARY), ""
        )
        send_to = [
            {
                "name": r.label,
                "person": r.person_id,
                "organization": r.organization_id,
            }
            for r in item.memo.recipients.all()
        ]
    paragraph = Paragraph(
        minutes=minutes,
        agenda_item=item,
        organization=organization,
        year=year,
        number=number,
        title=item.title,
        case=item.case,
        is_public=item.is_public,
        summary=summary,
        decision_formula=proposal.formula if proposal else f"{organization} beslutar",
        decision_clauses=[c.text for c in proposal.clauses.all()] if proposal else [],
        send_to=send_to,
    )
    paragraph.full_clean()
    paragraph.save()
    return paragraph


def _adjusters_from_agenda(minutes: Minutes, items: list[AgendaItem], seated: list[Person]) -> None:
    """ "att utse Ola Karlsson (M) att justera … med Karin Sundin (S) som ersättare"."""
    item = next((i for i in items if "justering" in i.title.casefold()), None)
    if item is None or item.proposal is None:
        return
    text = " ".join(c.text for c in item.proposal.clauses.all())
    at: dict[int, dict[int, Person]] = {}
    for person in seated:
        if match := re.search(rf"\b{re.escape(person.name)}\b", text):
            at.setdefault(match.start(), {})[person.pk] = person
    # Two seated people of one name (namesakes) cannot be told apart by the text: neither is
    # taken, and the secretary chooses on the minutes page.
    named = [
        next(iter(people.values()))
        for _, people in sorted(at.items(), key=lambda entry: entry[0])
        if len(people) == 1
    ]
    if not named:
        return
    substitute = None
    for person in named:
        after = text[text.index(person.name) + len(person.name) :][:30]
        if "som ersättare" in after:
            substitute = person
    adjusters = [p for p in named if p != substitute and p != minutes.chair]
    minutes.adjuster = adjusters[0] if adjusters else None
    minutes.second_adjuster = adjusters[1] if len(adjusters) > 1 else None
    minutes.substitute_adjuster = substitute


@dataclass(frozen=True)
class AttendanceInput:
    person: Person
    from_item: int | None = None
    to_item: int | None = None
    replaces: Person | None = None


@transaction.atomic
def attendance_record(
    *,
    actor: User | None,
    minutes: Minutes,
    entries: list[AttendanceInput],
    others_present: str = "",
) -> Minutes:
    """Replace the attendance: who was present, from which item to which, and (for a
    substitute) whom they serve for when the secretary overrides the proposed order."""
    require_secretary(actor)
    minutes = (
        Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    )
    require_open(minutes)
    meeting = minutes.meeting
    members, substitutes = memberships_on(
        viewer=None, organization=meeting.organization, day=meeting.date
    )
    member_ids = {m.person_id for m in members}
    seated = member_ids | {m.person_id for m in substitutes}
    numbers = set(meeting.items.values_list("number", flat=True))
    errors: list[str] = []
    seen: set[int] = set()
    replaced: dict[int, Person] = {}
    for entry in entries:
        who = str(entry.person)
        if entry.person.pk in seen:
            errors.append(f"{who} finns med två gånger.")
        seen.add(entry.person.pk)
        if entry.person.pk not in seated:
            errors.append(f"{who} är inte ledamot eller ersättare i {meeting.organization}.")
        for bound in (entry.from_item, entry.to_item):
            if bound is not None and bound not in numbers:
                errors.append(f"{who}: punkt {bound} finns inte på dagordningen.")
        if (
            entry.from_item is not None
            and entry.to_item is not None
            and entry.from_item > entry.to_item
        ):
            errors.append(f"{who}: närvaron kan inte sluta före den börjar.")
        if entry.replaces is not None:
            if entry.person.pk in member_ids:
                errors.append(f"{who} är ledamot och tjänstgör inte som ersättare.")
            elif entry.replaces.pk not in member_ids:
                errors.append(f"{who} kan bara ersätta en ledamot; {entry.replaces} är inte det.")
            elif entry.replaces.pk in replaced:
                errors.append(f"{entry.replaces} ersätts redan av {replaced[entry.replaces.pk]}.")
            else:
                replaced[entry.replaces.pk] = entry.person
    others = "\n".join(
        " ".join(line.split()) for line in others_present.splitlines() if line.strip()
    )
    if len(others) > 3000:
        errors.append("Listan över övriga närvarande är för lång (högst 3 000 tecken).")
    if errors:
        raise ValidationError(errors)
    Attendance.objects.filter(minutes=minutes).delete()
    Attendance.objects.bulk_create(
        Attendance(
            minutes=minutes,
            person=e.person,
            from_item=e.from_item,
            to_item=e.to_item,
            replaces=e.replaces,
        )
        for e in entries
    )
    minutes.others_present = others
    minutes.save(update_fields=["others_present"])
    audit_record(
        actor=actor,
        action="attendance_record",
        obj=minutes,
        scope=_scope(minutes),
        summary=f"Registrerade närvaro: {len(entries)} närvarande.",
        changes={"present": [str(e.person) for e in entries]},
    )
    return minutes


@transaction.atomic
def minutes_set_adjustment(
    *,
    actor: User | None,
    minutes: Minutes,
    chair: Person | None,
    adjuster: Person | None,
    second_adjuster: Person | None = None,
    substitute_adjuster: Person | None = None,
    place: str = "",
    date: datetime.date | None = None,
    kept_at: str = "",
    secretary_name: str = "",
) -> Minutes:
    """Who signs the minutes (chair and one or two adjusters, with a substitute adjuster)
    and where and when the adjustment takes place."""
    require_secretary(actor)
    minutes = (
        Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    )
    require_open(minutes)
    meeting = minutes.meeting
    members, substitutes = memberships_on(
        viewer=None, organization=meeting.organization, day=meeting.date
    )
    seated = {m.person_id for m in [*members, *substitutes]}
    errors: dict[str, str] = {}
    if chair is None:
        errors["chair"] = "Ange ordförande."
    if adjuster is None:
        errors["adjuster"] = "Ange minst en justerare."
    chosen = [p for p in (chair, adjuster, second_adjuster, substitute_adjuster) if p]
    for field, person in (
        ("chair", chair),
        ("adjuster", adjuster),
        ("second_adjuster", second_adjuster),
        ("substitute_adjuster", substitute_adjuster),
    ):
        if person is not None and person.pk not in seated:
            errors[field] = f"{person} har inget uppdrag i {meeting.organization}."
    if len({p.pk for p in chosen}) != len(chosen):
        errors["adjuster"] = "Ordföranden och justerarna ska vara olika personer."
    if date is not None and date < meeting.date:
        errors["date"] = "Justeringen kan inte äga rum före sammanträdet."
    for field, value, limit in (
        ("place", place, 300),
        ("kept_at", kept_at, 300),
        ("secretary_name", secretary_name, 200),
    ):
        if len(value) > limit:
            errors[field] = f"Högst {limit} tecken."
    if errors:
        raise ValidationError(errors)
    minutes.chair = chair
    minutes.adjuster = adjuster
    minutes.second_adjuster = second_adjuster
    minutes.substitute_adjuster = substitute_adjuster
    minutes.adjustment_place = " ".join(place.split())
    minutes.adjustment_date = date
    minutes.kept_at = " ".join(kept_at.split())
    minutes.secretary_name = " ".join(secretary_name.split())
    minutes.full_clean()
    minutes.save()
    audit_record(
        actor=actor,
        action="minutes_set_adjustment",
        obj=minutes,
        scope=_scope(minutes),
        summary=f"Justerare: {', '.join(str(p) for p in chosen[1:])}; ordförande {chair}.",
    )
    return minutes
