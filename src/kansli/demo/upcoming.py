"""The demo's present: Regionstyrelsen's term 2023–2026 and its next meeting, a few weeks
ahead of the day the demo is loaded, with an agenda and memos in the making — a meeting the
secretary can run today (send the notice, build the book, take the minutes).

The seats are the 2019–2022 board's, as a secretary starting from "copy last term" would have
them; e-mail addresses are fictional (a reserved .example domain)."""

import datetime
import unicodedata

from django.utils import timezone

from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.memos import services as memos
from kansli.people import services as people
from kansli.people.models import Body, Membership, Organization, Person, Term
from kansli.registry import services as registry
from kansli.registry.models import Case
from kansli.registry.selectors import default_series

from .report import LoadReport

TERM = ("Mandatperioden 2023–2026", datetime.date(2023, 1, 1), datetime.date(2026, 12, 31))
EMAIL_DOMAIN = "regionorebrolan.example"
PLACE = "Regionens hus, sammanträdesrum Lindesberg, Eklundavägen 1, Örebro"
ABSENCE = "Nämndsekreteraren Kristina Berglund, Nämndadministration"

# (title, formula, clauses, memo sections) — texts written for the demo
ITEMS = [
    (
        "Protokollsjustering",
        "Regionstyrelsen beslutar",
        [
            "att utse Ola Karlsson (M) att justera dagens protokoll med Karin Sundin (S) "
            "som ersättare."
        ],
        None,
    ),
    (
        "Regional utvecklingsstrategi, uppföljning",
        "Regionstyrelsen beslutar",
        ["att godkänna uppföljningen av den regionala utvecklingsstrategin."],
        {
            "sammanfattning": "Uppföljningen visar hur länet har utvecklats mot strategins mål.",
            "konsekvenser": "Inga särskilda konsekvenser för perspektiven.",
            "ekonomi": "Beslutet har inga ekonomiska konsekvenser.",
            "uppfoljning": "Strategin följs upp varje år.",
        },
    ),
    (
        "Sammanträdesplan för regionstyrelsen",
        "Regionstyrelsen beslutar",
        ["att fastställa sammanträdesplanen för nästa år."],
        None,
    ),
]


def _email(person: Person) -> str:
    folded = unicodedata.normalize("NFKD", f"{person.first_name}.{person.last_name}".lower())
    local = "".join(c for c in folded if c.isascii() and (c.isalnum() or c in ".-"))
    return f"{local}@{EMAIL_DOMAIN}"


def next_meeting_day(today: datetime.date) -> datetime.date:
    """A Tuesday two to three weeks ahead: time to send the notice and build the book."""
    day = today + datetime.timedelta(days=14)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


def upcoming_load(report: LoadReport, body: Body, board: Organization) -> Meeting | None:
    term = Term.objects.filter(body=body, name=TERM[0]).first()
    if term is None:
        term = people.term_create(actor=None, body=body, name=TERM[0], start=TERM[1], end=TERM[2])
        report.count("mandatperioder")
    _seats(report, board, term)
    today = timezone.localdate()
    if today > term.end:
        return None  # the demo's term is over; the secretary sets up the next one
    existing = Meeting.objects.filter(organization=board, date__gte=today).first()
    if existing is not None:
        return existing
    meeting = meetings.meeting_create(
        actor=None,
        organization=board,
        date=min(next_meeting_day(today), term.end),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        place=PLACE,
        absence_contact=ABSENCE,
    )
    report.count("sammanträden")
    for title, formula, clauses, sections in ITEMS:
        case = _case(report, body, board, title) if sections is not None else None
        item = meetings.agenda_item_add(
            actor=None, meeting=meeting, title=title, case=case, formula=formula, clauses=clauses
        )
        report.count("punkter på dagordningen")
        if sections is not None:
            memo = meetings.agenda_item_memo_create(actor=None, item=item)
            memos.memo_fill(actor=None, memo=memo, sections=sections)
            report.count("föredragnings-PM")
    return meeting


def _seats(report: LoadReport, board: Organization, term: Term) -> None:
    """The previous term's seats copied into the new one, as a secretary starts a term, and
    each member of the board with a (fictional) address."""
    if Membership.objects.filter(term=term).exists():
        return
    plan = people.term_copy_seats(actor=None, term=term)
    report.count("uppdrag", plan.seat_count)
    for seat in Membership.objects.filter(organization=board, term=term).select_related("person"):
        if not seat.person.email:
            people.person_email_set(actor=None, person=seat.person, email=_email(seat.person))


def _case(report: LoadReport, body: Body, board: Organization, title: str) -> Case:
    case = Case.objects.filter(body=body, title=title).first()
    if case is None:
        case = registry.case_register(
            actor=None,
            body=body,
            series=default_series(body),
            title=title,
            organization=board,
        )
        report.count("ärenden")
    return case
