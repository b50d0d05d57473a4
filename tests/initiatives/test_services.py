"""The motion and citizen-proposal workflow through its services: registered, announced on
fullmäktige's agenda, referred, (left to a nämnd,) decided; every step audited, every step
out of order refused whole."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.initiatives import selectors, services
from kansli.initiatives.models import (
    CitizenProposal,
    CouncilMotion,
    Initiative,
    InitiativeStatus,
    Outcome,
)
from kansli.meetings.models import AgendaItem
from kansli.meetings.services import meeting_create
from kansli.people import services as people
from kansli.people.models import OrganizationKind
from kansli.registry.models import Case, CaseStatus, CaseType

D = datetime.date


def test_a_motion_from_arrival_to_decision(
    registrar, secretary, body, series, council, council_meeting, board, authors
):
    motion = services.motion_register(
        actor=registrar,
        body=body,
        series=series,
        title="Motion om fler vårdplatser",
        received_on=D(2020, 9, 15),
        authors=authors,
        council=council,
    )
    assert motion.case.case_type == CaseType.COUNCIL_MOTION
    assert motion.case.registered_on == D(2020, 9, 15)
    assert CouncilMotion.objects.get() == motion and not CitizenProposal.objects.exists()

    services.initiative_announce(
        actor=secretary, initiative=motion, meeting=council_meeting, refer_to=board
    )
    motion.refresh_from_db()
    item = AgendaItem.objects.get(meeting=council_meeting)
    assert motion.status == InitiativeStatus.ANNOUNCED and motion.announced_item == item
    assert item.case == motion.case
    assert item.title == (
        "Anmälan av motion från Jens Exempelsson (V), Maria Prov (V): Motion om fler vårdplatser"
    )
    assert item.proposal.formula == "Regionfullmäktige beslutar"
    assert list(item.proposal.clauses.values_list("text", flat=True)) == [
        "att motionen överlämnas till regionstyrelsen för beredning",
        "att anmälan noteras till protokollet",
    ]

    services.initiative_refer(
        actor=secretary, initiative=motion, organization=board, referred_on=D(2020, 9, 30)
    )
    services.initiative_decide(
        actor=secretary,
        initiative=motion,
        outcome=Outcome.ANSWERED,
        decided_on=D(2021, 4, 27),
        reference="RF 2021-04-27 § 61",
    )
    motion.refresh_from_db()
    assert (motion.status, motion.outcome) == (InitiativeStatus.DECIDED, Outcome.ANSWERED)
    closed = Case.objects.get(pk=motion.case_id)
    assert closed.status == CaseStatus.CLOSED and closed.closed_on == D(2021, 4, 27)
    assert closed.closing_decision == "RF 2021-04-27 § 61"
    actions = list(
        AuditEntry.objects.filter(object_type="initiatives.initiative")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "motion_register",
        "initiative_announce",
        "initiative_refer",
        "initiative_decide",
    ]


def test_a_citizen_proposal_left_to_a_nämnd(secretary, proposal, council_meeting, board, body):
    nämnd = people.organization_create(
        actor=None, body=body, name="Regionala utvecklingsnämnden", kind=OrganizationKind.COMMITTEE
    )
    services.initiative_announce(
        actor=secretary, initiative=proposal, meeting=council_meeting, refer_to=board
    )
    item = AgendaItem.objects.get()
    assert (
        item.title
        == "Anmälan av medborgarförslag: Medborgarförslag om cykelställ vid vårdcentralen"
    )
    assert "Kim Provnamn" not in item.title  # no consent: no name on the public agenda
    services.citizen_proposal_delegate(
        actor=secretary, proposal=proposal, organization=nämnd, delegated_on=D(2020, 9, 30)
    )
    services.initiative_decide(
        actor=secretary, initiative=proposal, outcome=Outcome.GRANTED, decided_on=D(2021, 2, 1)
    )
    proposal.refresh_from_db()
    assert proposal.delegated_to == nämnd and proposal.outcome == Outcome.GRANTED


def test_with_consent_the_proposer_is_named(body, series, council_meeting, board):
    proposal = services.citizen_proposal_register(
        actor=None,
        body=body,
        series=series,
        title="Förslag om längre öppettider",
        received_on=D(2020, 9, 1),
        proposer_name="Kim Provnamn",
        publish_name=True,
    )
    services.initiative_announce(
        actor=None, initiative=proposal, meeting=council_meeting, refer_to=board
    )
    assert AgendaItem.objects.get().title.startswith(
        "Anmälan av medborgarförslag från Kim Provnamn"
    )
    assert proposal.public_proposer() == "Kim Provnamn"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"authors": []}, "minst en motionär"),
        ({"title": "   "}, "Ange en rubrik"),
        ({"received_on": D(2999, 1, 1)}, "framtiden"),
    ],
)
def test_motion_register_refuses(registrar, body, series, authors, kwargs, message):
    values = {"title": "Motion om X", "received_on": D(2020, 9, 15), "authors": authors}
    values.update(kwargs)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match=message):
        services.motion_register(actor=registrar, body=body, series=series, **values)
    assert not Initiative.objects.exists() and not Case.objects.exists()
    assert AuditEntry.objects.count() == before


def test_citizen_proposal_needs_a_proposer(registrar, body, series):
    with pytest.raises(ValidationError, match="förslagsställarens namn"):
        services.citizen_proposal_register(
            actor=registrar,
            body=body,
            series=series,
            title="Förslag",
            received_on=D(2020, 9, 1),
            proposer_name=" ",
        )
    assert not Case.objects.exists()


def test_elected_members_may_not_register(elected, body, series, authors):
    with pytest.raises(PermissionDenied):
        services.motion_register(
            actor=elected,
            body=body,
            series=series,
            title="Motion",
            received_on=D(2020, 9, 1),
            authors=authors,
        )


def test_announce_only_in_fullmäktige_and_not_before_arrival(motion, board, council):
    from kansli.meetings.services import meeting_create

    board_meeting = meeting_create(
        actor=None,
        organization=board,
        date=D(2020, 10, 1),
        start_time=datetime.time(9),
        place="Länsgården",
    )
    with pytest.raises(ValidationError, match="anmäls i fullmäktige"):
        services.initiative_announce(
            actor=None, initiative=motion, meeting=board_meeting, refer_to=board
        )
    early = meeting_create(
        actor=None,
        organization=council,
        date=D(2020, 9, 1),
        start_time=datetime.time(9),
        place="Conventum",
    )
    with pytest.raises(ValidationError, match="före dagen motionen kom in"):
        services.initiative_announce(actor=None, initiative=motion, meeting=early, refer_to=board)
    with pytest.raises(ValidationError, match="styrelsen eller en nämnd"):
        services.initiative_announce(actor=None, initiative=motion, meeting=early, refer_to=council)
    assert not AgendaItem.objects.exists()
    assert Initiative.objects.get().status == InitiativeStatus.RECEIVED


def test_announce_twice_is_refused(motion, council_meeting, board):
    services.initiative_announce(
        actor=None, initiative=motion, meeting=council_meeting, refer_to=board
    )
    with pytest.raises(ValidationError, match="redan anmäld"):
        services.initiative_announce(
            actor=None, initiative=motion, meeting=council_meeting, refer_to=board
        )
    assert AgendaItem.objects.count() == 1


def test_steps_out_of_order_are_refused(motion, council_meeting, board):
    with pytest.raises(ValidationError, match="inte anmäld"):
        services.initiative_decide(
            actor=None, initiative=motion, outcome=Outcome.GRANTED, decided_on=D(2021, 1, 1)
        )
    with pytest.raises(ValidationError, match="Bara en anmäld motion"):
        services.initiative_refer(
            actor=None, initiative=motion, organization=board, referred_on=D(2020, 9, 30)
        )
    services.initiative_announce(
        actor=None, initiative=motion, meeting=council_meeting, refer_to=board
    )
    with pytest.raises(ValidationError, match=r"remissen \(2020-09-20\) ligger före anmälan"):
        services.initiative_refer(
            actor=None, initiative=motion, organization=board, referred_on=D(2020, 9, 20)
        )
    with pytest.raises(
        ValidationError, match=r"beslutet \(2020-09-01\) ligger före anmälan \(2020-09-30\)"
    ):
        services.initiative_decide(
            actor=None, initiative=motion, outcome=Outcome.REJECTED, decided_on=D(2020, 9, 1)
        )
    with pytest.raises(ValidationError, match="framtiden"):
        services.initiative_decide(
            actor=None, initiative=motion, outcome=Outcome.REJECTED, decided_on=D(2999, 1, 1)
        )
    with pytest.raises(ValidationError, match="Välj bifallen"):
        services.initiative_decide(
            actor=None, initiative=motion, outcome="glömd", decided_on=D(2021, 1, 1)
        )
    with pytest.raises(ValidationError, match="kan inte överlämnas till en nämnd"):
        services.citizen_proposal_delegate(
            actor=None, proposal=motion, organization=board, delegated_on=D(2020, 9, 30)
        )
    motion.refresh_from_db()
    assert motion.status == InitiativeStatus.ANNOUNCED and motion.decided_on is None
    assert Case.objects.get().status == CaseStatus.OPEN


def test_written_off_only_once_reported_which_may_be_within_the_year(
    motion, council_meeting, council, board, series
):
    """KL 5 kap. 35 § 2 st.: fullmäktige may write off what has been reported as not
    prepared, as soon as it is reported; never what was not reported."""
    services.initiative_announce(
        actor=None, initiative=motion, meeting=council_meeting, refer_to=board
    )
    with pytest.raises(ValidationError, match="redovisats för fullmäktige"):
        services.initiative_decide(
            actor=None, initiative=motion, outcome=Outcome.WRITTEN_OFF, decided_on=D(2021, 9, 16)
        )
    spring = meeting_create(
        actor=None,
        organization=council,
        date=D(2021, 4, 27),
        start_time=datetime.time(9),
        place="Sessionssalen",
    )
    services.not_prepared_report_compile(actor=None, meeting=spring, series=series)
    with pytest.raises(ValidationError, match="första redovisningen var 2021-04-27"):
        services.initiative_decide(
            actor=None, initiative=motion, outcome=Outcome.WRITTEN_OFF, decided_on=D(2021, 4, 26)
        )
    motion.refresh_from_db()
    assert motion.status == InitiativeStatus.ANNOUNCED
    services.initiative_decide(
        actor=None, initiative=motion, outcome=Outcome.WRITTEN_OFF, decided_on=D(2021, 4, 27)
    )
    motion.refresh_from_db()
    assert motion.outcome == Outcome.WRITTEN_OFF and motion.decided_on < D(2021, 9, 15)


def test_the_report_of_those_not_prepared_within_the_year(
    motion, proposal, council_meeting, board, body
):
    on = D(2021, 9, 20)
    report = selectors.not_prepared(viewer=None, body=body, on=on)
    # the proposal came 2020-09-01 (limit 2021-09-01, passed); the motion 2020-09-15 (limit
    # 2021-09-15, passed)
    assert [row.initiative for row in report] == [proposal, motion]
    assert selectors.not_prepared(viewer=None, body=body, on=D(2021, 9, 10)) == [
        row for row in selectors.not_prepared(viewer=None, body=body, on=D(2021, 9, 10))
    ]
    assert [
        r.initiative for r in selectors.not_prepared(viewer=None, body=body, on=D(2021, 9, 10))
    ] == [proposal]
    services.initiative_announce(
        actor=None, initiative=motion, meeting=council_meeting, refer_to=board
    )
    services.initiative_decide(
        actor=None, initiative=motion, outcome=Outcome.ANSWERED, decided_on=D(2021, 6, 1)
    )
    assert [r.initiative for r in selectors.not_prepared(viewer=None, body=body, on=on)] == [
        proposal
    ]


def test_an_announcement_made_outside_kansli(registrar, motion, board):
    services.initiative_announcement_record(
        actor=registrar, initiative=motion, announced_on=D(2020, 9, 30)
    )
    with pytest.raises(ValidationError, match="redan anmäld"):
        services.initiative_announcement_record(
            actor=registrar, initiative=motion, announced_on=D(2020, 9, 30)
        )
    motion.refresh_from_db()
    assert motion.status == InitiativeStatus.ANNOUNCED and motion.announced_item is None
    assert not AgendaItem.objects.exists()


def test_an_announcement_before_arrival_is_refused(registrar, motion):
    with pytest.raises(ValidationError, match="ligger före inkomstdagen"):
        services.initiative_announcement_record(
            actor=registrar, initiative=motion, announced_on=D(2020, 9, 1)
        )
    assert Initiative.objects.get().status == InitiativeStatus.RECEIVED


def test_citizen_proposal_words_agree(proposal, council_meeting, board):
    services.initiative_announce(
        actor=None, initiative=proposal, meeting=council_meeting, refer_to=board
    )
    with pytest.raises(ValidationError, match="Medborgarförslaget är redan anmält"):
        services.initiative_announce(
            actor=None, initiative=proposal, meeting=council_meeting, refer_to=board
        )
    with pytest.raises(ValidationError, match="Ta med det i redovisningen"):
        services.initiative_decide(
            actor=None, initiative=proposal, outcome=Outcome.WRITTEN_OFF, decided_on=D(2021, 1, 4)
        )


@pytest.mark.parametrize(
    ("title", "publish", "refused"),
    [
        ("Medborgarförslag från Kim Provnamn om bänkar", False, True),
        ("Förslag av provnamn om bänkar", False, True),
        ("Medborgarförslag från Kim Provnamn om bänkar", True, False),
        ("Medborgarförslag om bänkar i parken", False, False),
    ],
)
def test_a_title_naming_a_proposer_without_consent_is_refused(
    registrar, body, series, title, publish, refused
):
    def register():
        return services.citizen_proposal_register(
            actor=registrar,
            body=body,
            series=series,
            title=title,
            received_on=D(2020, 9, 1),
            proposer_name="Kim Provnamn",
            publish_name=publish,
        )

    if refused:
        with pytest.raises(ValidationError, match="utan samtycke"):
            register()
        assert not Case.objects.exists()
    else:
        assert register().title == title


def test_a_title_that_leaves_room_for_the_agenda_prefix(registrar, body, series, authors):
    with pytest.raises(ValidationError, match="högst 400 tecken"):
        services.motion_register(
            actor=registrar,
            body=body,
            series=series,
            title="x" * 401,
            received_on=D(2020, 9, 1),
            authors=authors,
        )
