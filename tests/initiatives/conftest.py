import datetime

import pytest

from kansli.initiatives import services
from kansli.meetings.services import meeting_create
from kansli.people import services as people
from kansli.people.models import OrganizationKind


@pytest.fixture
def council(body):
    return people.organization_create(
        actor=None, body=body, name="Regionfullmäktige", kind=OrganizationKind.COUNCIL
    )


@pytest.fixture
def council_meeting(council):
    return meeting_create(
        actor=None,
        organization=council,
        date=datetime.date(2020, 9, 30),
        start_time=datetime.time(9),
        place="Conventum",
    )


@pytest.fixture
def authors(db):
    party = people.party_create(actor=None, code="V", name="Vänsterpartiet")
    return [
        people.person_create(actor=None, first_name="Jens", last_name="Exempelsson", party=party),
        people.person_create(actor=None, first_name="Maria", last_name="Prov", party=party),
    ]


@pytest.fixture
def motion(body, series, council, authors):
    return services.motion_register(
        actor=None,
        body=body,
        series=series,
        title="Motion om fler vårdplatser",
        received_on=datetime.date(2020, 9, 15),
        authors=authors,
        council=council,
    )


@pytest.fixture
def proposal(body, series, council):
    """A citizen proposal whose proposer has not consented to publication of the name."""
    return services.citizen_proposal_register(
        actor=None,
        body=body,
        series=series,
        title="Medborgarförslag om cykelställ vid vårdcentralen",
        received_on=datetime.date(2020, 9, 1),
        proposer_name="Kim Provnamn",
    )
