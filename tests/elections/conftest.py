import datetime

import pytest

from kansli.meetings.services import meeting_create
from kansli.people import services as people
from kansli.people.models import MembershipRole, OrganizationKind, Party

D = datetime.date


@pytest.fixture
def disability_council(body):
    return people.organization_create(
        actor=None,
        body=body,
        name="Rådet för funktionshinderfrågor i Degerfors kommun",
        kind=OrganizationKind.EXTERNAL,
    )


@pytest.fixture
def term(body):
    return people.term_create(
        actor=None, body=body, name="2019–2022", start=D(2019, 1, 1), end=D(2022, 12, 31)
    )


@pytest.fixture
def social_democrats(db):
    return Party.objects.get_or_create(code="S", defaults={"name": "Socialdemokraterna"})[0]


@pytest.fixture
def seat(disability_council, term, social_democrats):
    holder = people.person_create(
        actor=None, first_name="Patrik", last_name="Rehnberg", party=social_democrats
    )
    return people.membership_create(
        actor=None,
        person=holder,
        organization=disability_council,
        role=MembershipRole.SUBSTITUTE,
        start=D(2019, 1, 1),
        end=None,
        term=term,
    )


@pytest.fixture
def successor(social_democrats):
    return people.person_create(
        actor=None, first_name="Anna", last_name="Exempelsdotter", party=social_democrats
    )


@pytest.fixture
def board_meeting(board):
    return meeting_create(
        actor=None,
        organization=board,
        date=D(2020, 8, 26),
        start_time=datetime.time(9),
        place="Regionens hus, sal A",
    )
