"""Demo data of the case workflows, built on the corpus's facts (names, dates, case numbers) with
texts written for the demo: the board's delegation order with decisions and communications
compiled into item 12, the resignation of item 5 waiting for its successor, the finance
authorisations of item 8 (and an older one revoked, the bank told a few days later), and
assignments and follow-ups from the interim report of item 6. Loaded through the services,
idempotently."""

import datetime

from django.db import transaction

from kansli.authorisations.models import Authorisation
from kansli.authorisations.services import authorisation_grant, authorisation_revoke
from kansli.delegation import services as delegation
from kansli.delegation.models import Communication, DelegatedDecision, DelegationPoint
from kansli.elections.models import Resignation
from kansli.elections.services import resignation_register
from kansli.followups import services as followups
from kansli.followups.models import Assignment, FollowUp
from kansli.meetings.models import Meeting
from kansli.people.case_numbers import CaseNumberFormat
from kansli.people.models import Body, Membership, Organization, OrganizationKind
from kansli.registry.models import Case, Series
from kansli.registry.services import case_register

from .report import LoadReport

D = datetime.date

# (code, what, delegate, reported to the board)
POINTS = [
    ("2.1", "Anställning av förvaltningschef", "Regiondirektören", True),
    ("2.4", "Chefsavtal för verksamhetschef", "Områdeschef", True),
    ("4.3", "Rättegångsfullmakt i upphandlingsmål", "Upphandlingschefen", True),
    ("6.2", "Avslag på begäran om utlämnande av allmän handling", "Regionjurist", True),
    ("8.1", "Attest av leverantörsfakturor", "Ekonomidirektören", False),
]
# (point, decided by, day, summary written for the demo, case number)
DECISIONS = [
    (
        "2.1",
        "Regiondirektören",
        D(2020, 6, 12),
        "Regiondirektören har anställt en förvaltningschef för Regionservice",
        "20RS6587",
    ),
    (
        "4.3",
        "Upphandlingschefen",
        D(2020, 6, 22),
        "Upphandlingschefen har gett Region Uppsala rättegångsfullmakt i ett mål om överprövning "
        "av en upphandling",
        "20RS3313",
    ),
    (
        "2.4",
        "Områdeschefen för Habilitering och hjälpmedel",
        D(2020, 7, 1),
        "Områdeschefen har tecknat chefsavtal med verksamhetschefen vid Tolcentralen",
        "20RS6013",
    ),
    (
        "6.2",
        "Regionjurist",
        D(2020, 7, 8),
        "Regionjuristen har delvis avslagit en begäran om att få ut e-post",
        "19RS9344",
    ),
    (
        "8.1",
        "Ekonomidirektören",
        D(2020, 7, 15),
        "Ekonomidirektören har attesterat fakturor enligt attestordningen",
        "",
    ),
]
# (sender, day, summary written for the demo, case number)
COMMUNICATIONS = [
    (
        "Sveriges Kommuner och Regioner",
        D(2020, 6, 18),
        "Sveriges Kommuner och Regioner har skickat information om statsbidraget för "
        "kompetenslyft i äldreomsorgen",
        "",
    ),
    (
        "Länsstyrelsen i Örebro län",
        D(2020, 7, 2),
        "Länsstyrelsen har skickat tillfälliga föreskrifter om förbud mot båttrafik på "
        "Lindesjöarna",
        "",
    ),
    (
        "Regiondirektören",
        D(2020, 7, 6),
        "Johan Ljung, områdeschef, är tillförordnad förvaltningschef för Regional utveckling "
        "2020-07-06 – 2020-07-12",
        "20RS2231",
    ),
]
FINANCE_HOLDERS = [
    ("Caroline Klefbom", "finanscontroller Region Örebro län"),
    ("Maria Pisoni Sundahl", "ekonomi- och personalchef Länsgården Fastigheter AB"),
]
COUNTERSIGN = "redovisningsansvarig Inger Andersson eller ekonomidirektör Lennart Frommegård"
FINANCE_SCOPES = [
    "genomföra finansiella affärstransaktioner för Region Örebro län enligt finanspolicyn",
    "besluta om upplåning inom regionfullmäktiges låneram",
    "besluta om att omplacera och konvertera befintliga lån",
]
# (number, what, given, due, status, forecast)
ASSIGNMENTS = [
    (
        "7",
        "Följa upp och minska förbrukningen av produkter med hög klimatpåverkan",
        D(2019, 11, 27),
        D(2020, 12, 31),
        "startat",
        "Delvis genomfört 2020 på grund av covid-19",
    ),
    (
        "53",
        "Ansluta regionen till de nationella tjänsterna för högkostnadsskydd och frikort",
        D(2019, 11, 27),
        D(2020, 12, 31),
        "startat",
        "Projektet är försenat; bedöms klart 2021",
    ),
    (
        "58",
        "Kartlägga roller och mandat inom informations- och it-säkerhetsområdet",
        D(2019, 11, 27),
        D(2020, 12, 31),
        "ej_startat",
        "",
    ),
]


@transaction.atomic
def workflows_load(report: LoadReport, body: Body) -> None:
    board = body.organizations.filter(kind=OrganizationKind.BOARD).first()
    meeting = Meeting.objects.filter(organization=board, date=D(2020, 8, 26)).first()
    series = Series.objects.filter(body=body, code="RS").first()
    if board is None or meeting is None or series is None:
        return
    _delegation(report, body, board, meeting)
    _resignation(report, body, series)
    _authorisations(report, board)
    _followups(report, body, board)


def _case(body: Body, number: str, title: str = "") -> Case | None:
    """The demo's case under a number from the corpus; with `title`, registered under that
    number when the demo does not have it yet (efterregistrering)."""
    if not number:
        return None
    parsed = CaseNumberFormat(body.case_number_format).parse(number)
    case = Case.objects.filter(
        body=body, year=parsed.year, series__code=parsed.series, sequence=parsed.number
    ).first()
    series = Series.objects.filter(body=body, code=parsed.series).first()
    if case is None and title and series is not None:
        case = case_register(
            actor=None,
            body=body,
            series=series,
            title=title,
            number=number,
            registered_on=datetime.date(parsed.year, 1, 2),
        )
    return case


def _delegation(report: LoadReport, body: Body, board: Organization, meeting: Meeting) -> None:
    if DelegationPoint.objects.filter(organization=board).exists():
        return
    points = {
        code: delegation.delegation_point_create(
            actor=None, organization=board, code=code, title=title, delegate=who, reported=reported
        )
        for code, title, who, reported in POINTS
    }
    report.count("punkter i delegationsordningen", len(points))
    for code, who, day, summary, number in DECISIONS:
        delegation.delegated_decision_register(
            actor=None,
            organization=board,
            point=points[code],
            decided_by=who,
            decided_on=day,
            summary=summary,
            case=_case(body, number, title=points[code].title),
        )
    report.count("delegationsbeslut", DelegatedDecision.objects.count())
    for sender, day, summary, number in COMMUNICATIONS:
        delegation.communication_register(
            actor=None,
            organization=board,
            received_on=day,
            sender=sender,
            summary=summary,
            case=_case(body, number, title="Tillförordnade förvaltningschefer"),
        )
    report.count("meddelanden", Communication.objects.count())
    delegation.report_item_compile(actor=None, meeting=meeting)
    # The decisions the board is not told of are kept apart and posted on the notice board.
    for decision in DelegatedDecision.objects.filter(organization=board, point__reported=False):
        delegation.delegated_decision_post(
            actor=None, decision=decision, posted_on=decision.decided_on + datetime.timedelta(2)
        )


def _resignation(report: LoadReport, body: Body, series: Series) -> None:
    seat = (
        Membership.objects.filter(
            organization__body=body,
            organization__kind=OrganizationKind.EXTERNAL,
            person__last_name="Rehnberg",
        )
        .order_by("start")
        .first()
    )
    if seat is None or Resignation.objects.filter(membership=seat).exists():
        return
    resignation_register(actor=None, membership=seat, requested_on=D(2020, 6, 24), series=series)
    report.count("entlediganden")


def _authorisations(report: LoadReport, board: Organization) -> None:
    if Authorisation.objects.filter(body=board.body).exists():
        return
    earlier = authorisation_grant(
        actor=None,
        organization=board,
        holders=[("Erik Exempelsson", "tidigare finanschef")],  # made up for the demo
        scope=FINANCE_SCOPES[0],
        countersign=COUNTERSIGN,
        valid_from=D(2017, 3, 1),
        decision_reference="RS § 41",
    )
    # Given by a letter to the bank (AvtL 13 §): revoked when the bank had the region's message,
    # a few days after the decision; the holder heard of it the day after (not enough, 12 §).
    authorisation_revoke(
        actor=None,
        authorisation=earlier[0],
        decided_on=D(2020, 8, 26),
        reason="Ny finansorganisation",
        holder_told_on=D(2020, 8, 27),
        third_party_told_on=D(2020, 8, 31),
    )
    for scope in FINANCE_SCOPES:
        authorisation_grant(
            actor=None,
            organization=board,
            holders=FINANCE_HOLDERS,
            scope=scope,
            countersign=COUNTERSIGN,
            valid_from=D(2020, 8, 26),
            case=_case(board.body, "20RS5739"),
        )
    report.count("fullmakter", Authorisation.objects.count())


def _followups(report: LoadReport, body: Body, board: Organization) -> None:
    if Assignment.objects.filter(body=body).exists():
        return
    for number, title, given, due, status, forecast in ASSIGNMENTS:
        assignment = followups.assignment_create(
            actor=None,
            organization=board,
            number=number,
            title=title,
            responsible="Regiondirektören",
            given_on=given,
            due_on=due,
        )
        if status != "ej_startat":
            followups.assignment_report(
                actor=None,
                assignment=assignment,
                status=status,
                forecast=forecast,
                reported_on=D(2020, 7, 31),
            )
    report.count("uppdrag att följa upp", len(ASSIGNMENTS))
    review = _case(body, "20RS3926")
    if review is not None and not FollowUp.objects.filter(case=review).exists():
        followups.followup_create(
            actor=None,
            case=review,
            description="Hur förbunden har tagit emot genomlysningen och vad regionen gjort av den",
            decided_on=D(2020, 8, 26),
            with_interim_report=True,
        )
        report.count("uppföljningar")
