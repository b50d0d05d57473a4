"""Demo motions and citizen proposals: one motion past its year and still with the board,
one announced and referred, one answered, and a citizen proposal whose proposer has not
consented to publication. The titles and the proposer are written for the demo."""

import datetime

from kansli.initiatives import services
from kansli.initiatives.models import Initiative, Outcome
from kansli.people.models import Body, Organization, OrganizationKind, Person
from kansli.registry.models import Series

from .report import LoadReport

D = datetime.date

# (title, received, authors by last name, referred on, decided (outcome, day) or None)
MOTIONS = [
    ("Motion om fler vårdplatser i länet", D(2019, 6, 10), ["Sundin"], D(2019, 6, 19), None),
    (
        "Motion om kollektivtrafik till vårdcentralerna",
        D(2020, 3, 2),
        ["Karlsson", "Barsom"],
        D(2020, 3, 25),
        None,
    ),
    (
        "Motion om digitala besök i primärvården",
        D(2019, 9, 2),
        ["Höijer"],
        D(2019, 9, 25),
        (Outcome.ANSWERED, D(2020, 4, 29)),
    ),
]
CITIZEN_PROPOSAL = ("Medborgarförslag om cykelställ vid länssjukhuset", D(2020, 5, 4))
PROPOSER = "Kim Exempel"  # made up for the demo


def initiatives_load(report: LoadReport, body: Body) -> None:
    council = body.organizations.filter(kind=OrganizationKind.COUNCIL).first()
    board = body.organizations.filter(kind=OrganizationKind.BOARD).first()
    series = Series.objects.filter(body=body, code="RS").first()
    if council is None or board is None or series is None:
        return
    for title, received, names, referred, decided in MOTIONS:
        if Initiative.objects.filter(body=body, title=title).exists():
            continue
        found = [Person.objects.filter(last_name=name).first() for name in names]
        authors = [a for a in found if a is not None]
        if not authors:  # the demo's members were not loaded: no motion without an author
            continue
        motion = services.motion_register(
            actor=None,
            body=body,
            series=series,
            title=title,
            received_on=received,
            authors=authors,
            council=council,
        )
        _through(motion, board, referred, decided)
        report.count("motioner")
    title, received = CITIZEN_PROPOSAL
    if not Initiative.objects.filter(body=body, title=title).exists():
        services.citizen_proposal_register(
            actor=None,
            body=body,
            series=series,
            title=title,
            received_on=received,
            proposer_name=PROPOSER,
            council=council,
        )
        report.count("medborgarförslag")


def _through(
    motion: Initiative,
    board: Organization,
    referred: datetime.date,
    decided: tuple[str, datetime.date] | None,
) -> None:
    """The steps already taken, recorded as the secretary would after the meetings (the demo
    has no council meetings of those days: the announcement is recorded by its date)."""
    services.initiative_announcement_record(actor=None, initiative=motion, announced_on=referred)
    services.initiative_refer(
        actor=None, initiative=motion, organization=board, referred_on=referred
    )
    if decided is not None:
        outcome, day = decided
        services.initiative_decide(actor=None, initiative=motion, outcome=outcome, decided_on=day)
