"""Who serves at each agenda item: members present, and the substitutes Kansli calls in
for the absent and the disqualified, by the body's order (rules.substitutes_for)."""

from dataclasses import dataclass, field

from kansli.people.models import Membership, Person
from kansli.people.selectors import memberships_on

from . import rules
from .models import Attendance, Minutes, Paragraph


@dataclass(frozen=True)
class Serving:
    person: Person
    role: str  # the membership role: ordforande, ledamot, ersattare …
    replaces: Person | None = None

    @property
    def is_substitute(self) -> bool:
        return self.replaces is not None


@dataclass
class ItemComposition:
    """The composition of the meeting at one agenda item."""

    item_number: int
    seats: int
    serving: list[Serving] = field(default_factory=list)
    substitutes_present: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)
    disqualified: list[Person] = field(default_factory=list)

    @property
    def has_quorum(self) -> bool:
        return rules.has_quorum(len(self.serving), self.seats)

    @property
    def needed(self) -> int:
        return self.seats // 2 + 1

    def serves(self, person: Person) -> bool:
        return any(s.person.pk == person.pk for s in self.serving)


@dataclass
class Roll:
    """The organization's seats on the meeting day, and who was there."""

    members: list[Membership]
    substitutes: list[Membership]
    attendance: dict[int, Attendance]
    party_order: list[str]

    @classmethod
    def of(cls, minutes: Minutes) -> "Roll":
        meeting = minutes.meeting
        members, substitutes = memberships_on(
            viewer=None, organization=meeting.organization, day=meeting.date
        )
        attendance = {
            a.person_id: a
            for a in Attendance.objects.filter(minutes=minutes).select_related(
                "person__party", "replaces__party"
            )
        }
        return cls(members, substitutes, attendance, meeting.organization.body.party_order_codes)

    @property
    def seated(self) -> list[Membership]:
        """Members, then substitutes: everyone with a seat on the meeting day."""
        return [*self.members, *self.substitutes]

    @property
    def people(self) -> dict[int, Person]:
        """Person id → person, for everyone seated."""
        return {m.person_id: m.person for m in self.seated}

    def at_paragraph(self, paragraph: Paragraph) -> ItemComposition:
        """The composition at a paragraph's agenda item, its conflicts taken into account."""
        number = paragraph.agenda_item.number if paragraph.agenda_item else 0
        return self.at_item(number, {d.person_id for d in paragraph.disqualifications.all()})

    def at_item(self, number: int, disqualified: set[int] | None = None) -> ItemComposition:
        disqualified = disqualified or set()
        present = {pid for pid, a in self.attendance.items() if a.covers(number)}
        here = present - disqualified
        composition = ItemComposition(item_number=number, seats=len(self.members))
        absent = [m for m in self.members if m.person_id not in here]
        free = [m for m in self.substitutes if m.person_id in here]
        chosen: dict[int, Membership] = {}
        # The secretary's own choices first, where the member is away.
        absent_ids = {m.person_id for m in absent}
        for sub in list(free):
            replaces = self.attendance[sub.person_id].replaces_id
            if replaces in absent_ids and replaces not in chosen:
                chosen[replaces] = sub
                free.remove(sub)
        proposed = rules.substitutes_for(
            [_seat(m, i) for i, m in enumerate(absent) if m.person_id not in chosen],
            [_seat(m, m.substitute_order or 1000 + i) for i, m in enumerate(free)],
            self.party_order,
        )
        by_person = {m.person_id: m for m in free}
        for member_id, sub_id in proposed.items():
            if sub_id is not None:
                chosen[member_id] = by_person[sub_id]
        for m in self.members:
            if m.person_id in here:
                composition.serving.append(Serving(m.person, m.role))
            elif m.person_id in chosen:
                sub = chosen[m.person_id]
                composition.serving.append(Serving(sub.person, sub.role, replaces=m.person))
            else:
                composition.absent.append(m.person)
            if m.person_id in disqualified:
                composition.disqualified.append(m.person)
        serving_subs = {s.pk for s in chosen.values()}
        composition.substitutes_present = [
            m.person for m in self.substitutes if m.person_id in here and m.pk not in serving_subs
        ]
        composition.disqualified += [
            m.person for m in self.substitutes if m.person_id in disqualified
        ]
        return composition


def _seat(membership: Membership, order: int) -> rules.Seat:
    party = membership.person.party.code if membership.person.party else ""
    return rules.Seat(person=membership.person_id, party=party, order=order)
