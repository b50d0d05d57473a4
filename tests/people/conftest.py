"""State for the term, seat and CSV tests, built through the services. Every name is
fictional; e-mail addresses are at example.se."""

import datetime

import pytest

from kansli.people import services
from kansli.people.models import MembershipRole

D = datetime.date


@pytest.fixture
def term(body):
    return services.term_create(
        actor=None, body=body, name="2023–2026", start=D(2023, 1, 1), end=D(2026, 12, 31)
    )


@pytest.fixture
def old_term(body):
    return services.term_create(
        actor=None, body=body, name="2019–2022", start=D(2019, 1, 1), end=D(2022, 12, 31)
    )


@pytest.fixture
def parties(db):
    return {
        code: services.party_create(actor=None, code=code, name=name)
        for code, name in [
            ("S", "Socialdemokraterna"),
            ("M", "Moderaterna"),
            ("KD", "Kristdemokraterna"),
        ]
    }


def person(parties, first, last, party, **kwargs):
    return services.person_create(
        actor=None, first_name=first, last_name=last, party=parties[party], **kwargs
    )


def seat(person_, organization, role, term_, order=None, start=None, end=None):
    return services.membership_create(
        actor=None,
        person=person_,
        organization=organization,
        role=role,
        start=start or term_.start,
        end=end or term_.end,
        term=term_,
        substitute_order=order,
    )


CHAIR = MembershipRole.CHAIR
MEMBER = MembershipRole.MEMBER
SUBSTITUTE = MembershipRole.SUBSTITUTE
