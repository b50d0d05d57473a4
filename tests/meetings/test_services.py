import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.meetings import selectors, services
from kansli.meetings.models import AgendaItem
from kansli.memos.models import DecisionProposal
from kansli.registry.services import case_register

D = datetime.date
T = datetime.time


@pytest.fixture
def meeting(secretary, board):
    return services.meeting_create(
        actor=secretary,
        organization=board,
        date=D(2020, 8, 26),
        start_time=T(9, 30),
        end_time=T(12, 0),
        place="Hörsal L1, Örebro universitet",
        absence_contact="Nämndsekreteraren",
    )


def test_agenda_item_with_case_and_proposal(secretary, registrar, body, series, meeting):
    case = case_register(
        actor=registrar,
        body=body,
        series=series,
        number="20RS8413",
        title="Motion om TBE-vaccin",
        today=D(2020, 8, 26),
    )
    item = services.agenda_item_add(
        actor=secretary,
        meeting=meeting,
        number=3,
        title="Anmälan av motion om TBE-vaccin",
        case=case,
        formula="Regionstyrelsen föreslår regionfullmäktige besluta",
        clauses=[
            "att remittera motionen till hälso- och sjukvårdsnämnden, samt",
            "att ta anmälan till protokollet.",
        ],
    )
    assert item.proposal.formula == "Regionstyrelsen föreslår regionfullmäktige besluta"
    assert [c.text for c in item.proposal.clauses.order_by("position")] == [
        "att remittera motionen till hälso- och sjukvårdsnämnden, samt",
        "att ta anmälan till protokollet.",
    ]
    assert AuditEntry.objects.filter(scope=f"case:{case.pk}", action="agenda_item_add").exists()
    plain = services.agenda_item_add(actor=secretary, meeting=meeting, title="Information")
    assert plain.number == 4 and plain.proposal is None


def test_item_number_used_twice_is_refused(secretary, meeting):
    services.agenda_item_add(
        actor=secretary, meeting=meeting, number=1, title="Protokollsjustering"
    )
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="Nummer 1 finns redan"):
        services.agenda_item_add(
            actor=secretary,
            meeting=meeting,
            number=1,
            title="Annat",
            formula="Regionstyrelsen beslutar",
            clauses=["att godkänna."],
        )
    assert AgendaItem.objects.count() == 1
    assert not DecisionProposal.objects.exists()
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"formula": "Regionstyrelsen beslutar", "clauses": ["godkänna rapporten"]},
            "börjar inte med ”att”",
        ),
        ({"formula": "", "clauses": ["att godkänna rapporten."]}, "Ange beslutsformel"),
        ({"formula": "Regionstyrelsen beslutar", "clauses": []}, "minst en att-sats"),
        ({"title": "  "}, "Ange rubrik"),
        ({"number": 0}, "1 eller högre"),
    ],
)
def test_agenda_item_bad_input(secretary, meeting, kwargs, message):
    kwargs.setdefault("title", "Delårsrapport")
    with pytest.raises(ValidationError, match=message):
        services.agenda_item_add(actor=secretary, meeting=meeting, **kwargs)
    assert not AgendaItem.objects.exists()


def test_meeting_bad_input(secretary, board):
    with pytest.raises(ValidationError, match="Sluttiden"):
        services.meeting_create(
            actor=secretary,
            organization=board,
            date=D(2020, 8, 26),
            start_time=T(12, 0),
            end_time=T(9, 30),
            place="Hörsal L1",
        )
    with pytest.raises(ValidationError, match="Ange plats"):
        services.meeting_create(
            actor=secretary, organization=board, date=D(2020, 8, 26), start_time=T(9, 30), place=" "
        )


def test_officials_may_not_create_meetings(official_user, board):
    with pytest.raises(PermissionDenied):
        services.meeting_create(
            actor=official_user,
            organization=board,
            date=D(2020, 8, 26),
            start_time=T(9, 30),
            place="Hörsal L1",
        )


def test_public_sees_only_public_items(secretary, elected, meeting):
    services.agenda_item_add(actor=secretary, meeting=meeting, title="Budget")
    services.agenda_item_add(
        actor=secretary, meeting=meeting, title="Personalärende", is_public=False
    )
    from django.contrib.auth.models import AnonymousUser

    assert [i.title for i in selectors.agenda(viewer=AnonymousUser(), meeting=meeting)] == [
        "Budget"
    ]
    assert len(selectors.agenda(viewer=elected, meeting=meeting)) == 2
