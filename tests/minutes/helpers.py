"""A small board with a meeting on its agenda, built through the services: five members
(quorum three) and four substitutes, a council above it, and logins for the chair and
the adjuster."""

import datetime
import unicodedata
from dataclasses import dataclass, field

from kansli.core.models import User
from kansli.core.roles import Role, grant_role
from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.memos.models import RecipientKind
from kansli.memos.services import RecipientInput
from kansli.minutes import services
from kansli.minutes.models import Minutes
from kansli.people import services as people
from kansli.people.models import Body, MembershipRole, Organization, OrganizationKind, Person
from kansli.registry.services import case_register

from ..factories import UserFactory
from ..meetings.memo_helpers import fill

D = datetime.date
MEETING_DAY = D(2020, 8, 26)
TERM_START = D(2019, 1, 1)

MEMBERS = [
    ("Andreas", "Svahn", "S", MembershipRole.CHAIR),
    ("Ola", "Karlsson", "M", MembershipRole.FIRST_VICE_CHAIR),
    ("Karin", "Sundin", "S", MembershipRole.MEMBER),
    ("Nina", "Höijer", "S", MembershipRole.MEMBER),
    ("Jihad", "Menhem", "V", MembershipRole.MEMBER),
]
SUBSTITUTES = [
    ("Carina", "Dahl", "S", 1),
    ("Zaki", "Habib", "S", 2),
    ("Oskar", "Svärd", "M", 1),
    ("Jessica", "Carlqvist", "V", 1),
]


@dataclass
class Board:
    body: Body
    council: Organization
    board: Organization
    meeting: Meeting
    people: dict[str, Person] = field(default_factory=dict)

    def __getitem__(self, last_name: str) -> Person:
        return self.people[last_name]

    def login(self, last_name: str) -> User:
        """A login for an elected member, linked to their person."""
        person = self.people[last_name]
        if person.user is None:
            user = UserFactory(username=last_name.lower())
            grant_role(user, Role.ELECTED)
            person.user = user
            person.save(update_fields=["user"])
        return User.objects.get(pk=person.user_id)


def email_of(first: str, last: str) -> str:
    """A fictional address at example.org: "nina.hoijer@example.org"."""
    folded = unicodedata.normalize("NFKD", f"{first}.{last}".lower())
    return "".join(c for c in folded if c.isascii()) + "@example.org"


def board_with_meeting(
    body: Body,
    series,
    *,
    date: datetime.date = MEETING_DAY,
    emails: bool = False,
    place: str = "Hörsal L1, Örebro universitet",
    absence_contact: str = "",
) -> Board:
    council = people.organization_create(
        actor=None, body=body, name="Regionfullmäktige", kind=OrganizationKind.COUNCIL
    )
    board = people.organization_create(
        actor=None, body=body, name="Regionstyrelsen", kind=OrganizationKind.BOARD, parent=council
    )
    parties = {
        code: people.party_create(actor=None, code=code, name=code) for code in ("S", "M", "V")
    }
    persons = {}
    for first, last, party, role in MEMBERS:
        persons[last] = people.person_create(
            actor=None,
            first_name=first,
            last_name=last,
            party=parties[party],
            email=email_of(first, last) if emails else "",
        )
        people.membership_create(
            actor=None, person=persons[last], organization=board, role=role, start=TERM_START
        )
    for first, last, party, order in SUBSTITUTES:
        persons[last] = people.person_create(
            actor=None,
            first_name=first,
            last_name=last,
            party=parties[party],
            email=email_of(first, last) if emails else "",
        )
        people.membership_create(
            actor=None,
            person=persons[last],
            organization=board,
            role=MembershipRole.SUBSTITUTE,
            start=TERM_START,
            substitute_order=order,
        )
    meeting = meetings.meeting_create(
        actor=None,
        organization=board,
        date=date,
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        place=place,
        absence_contact=absence_contact,
    )
    meetings.agenda_item_add(
        actor=None,
        meeting=meeting,
        title="Protokollsjustering",
        formula="Regionstyrelsen beslutar",
        clauses=[
            "att utse Ola Karlsson (M) att justera dagens protokoll med Karin Sundin (S) "
            "som ersättare."
        ],
    )
    motion = case_register(
        actor=None,
        body=body,
        series=series,
        title="Motion om gröna obligationer",
        organization=board,
        registered_on=D(2020, 6, 16),
        number="20RS6617",
    )
    meetings.agenda_item_add(
        actor=None,
        meeting=meeting,
        title="Motion om gröna obligationer",
        case=motion,
        formula="Regionstyrelsen föreslår regionfullmäktige besluta",
        clauses=["att avslå motionen."],
    )
    item = meeting.items.get(number=2)
    meetings.agenda_item_memo_create(actor=None, item=item)
    item.refresh_from_db()
    fill(
        item.memo,
        clauses=["att avslå motionen."],
        recipients=[
            RecipientInput(RecipientKind.ORGANIZATION, organization=council),
            RecipientInput(RecipientKind.TEXT, text="Willhelm Sundman (L)"),
        ],
    )
    report = case_register(
        actor=None,
        body=body,
        series=series,
        title="Delårsrapport",
        organization=board,
        registered_on=D(2020, 8, 1),
        number="20RS7000",
    )
    meetings.agenda_item_add(
        actor=None,
        meeting=meeting,
        title="Delårsrapport",
        case=report,
        formula="Regionstyrelsen beslutar",
        clauses=["att godkänna delårsrapporten."],
    )
    return Board(body, council, board, meeting, persons)


def started_minutes(b: Board, **kwargs) -> Minutes:
    arguments = {
        "secretary_name": "Kristina Berglund",
        "kept_at": "Regionkansliet, Örebro",
        "adjustment_place": "Regionkansliet, Örebro",
        **kwargs,
    }
    minutes = services.minutes_create(actor=None, meeting=b.meeting, **arguments)
    return Minutes.objects.get(pk=minutes.pk)


def paragraph(minutes: Minutes, item_number: int):
    return minutes.paragraphs.get(agenda_item__number=item_number)


URGENT_TITLE = "Fyllnadsval av ersättare i regionstyrelsen"


def council_meeting(b: Board, secretary: User, *, announce: bool = True) -> Meeting:
    """The council (fullmäktige) with the board's five members, meeting on MEETING_DAY: two
    items announced on the notice board (KL 5 kap. 13 §; none when `announce` is false) and a
    third added after the announcement, never announced."""
    for _first, last, _party, role in MEMBERS:
        people.membership_create(
            actor=None, person=b[last], organization=b.council, role=role, start=TERM_START
        )
    meeting = meetings.meeting_create(
        actor=None,
        organization=b.council,
        date=MEETING_DAY,
        start_time=datetime.time(13, 0),
        place="Konserthuset, Örebro",
    )
    for title, clause in (
        (
            "Protokollsjustering",
            "att utse Ola Karlsson (M) att justera dagens protokoll med Karin Sundin (S) "
            "som ersättare.",
        ),
        ("Delårsrapport januari–juni", "att godkänna delårsrapporten."),
    ):
        meetings.agenda_item_add(
            actor=None,
            meeting=meeting,
            title=title,
            formula="Regionfullmäktige beslutar",
            clauses=[clause],
        )
    if announce:
        meetings.announcement_post(actor=secretary, meeting=meeting, posted_on=D(2020, 8, 10))
    meetings.agenda_item_add(
        actor=None,
        meeting=meeting,
        title=URGENT_TITLE,
        formula="Regionfullmäktige beslutar",
        clauses=["att välja Carina Dahl (S) till ersättare i regionstyrelsen."],
    )
    return meeting


def started_council_minutes(meeting: Meeting) -> Minutes:
    minutes = services.minutes_create(
        actor=None,
        meeting=meeting,
        secretary_name="Kristina Berglund",
        kept_at="Regionkansliet, Örebro",
        adjustment_place="Regionkansliet, Örebro",
    )
    return Minutes.objects.get(pk=minutes.pk)
