import datetime

import pytest

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
