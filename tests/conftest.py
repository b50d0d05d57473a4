"""Shared fixtures. State is built through the services, as the application builds it."""

import datetime

import pytest

from kansli.core.models import User
from kansli.core.roles import Role, ensure_role_groups, grant_role
from kansli.people import services as people
from kansli.people.models import Body, Organization, OrganizationKind, Person
from kansli.registry import services as registry
from kansli.registry.models import Series

from .factories import UserFactory

TODAY = datetime.date(2020, 8, 26)


@pytest.fixture
def body(db) -> Body:
    return people.body_create(
        actor=None,
        name="Region Örebro län",
        short_name="Region Örebro",
        case_number_format="{YY}{SERIES}{N}",
        party_order="S,M,SD,C,V,KD,L,MP",
    )


@pytest.fixture
def series(body) -> Series:
    return registry.series_create(actor=None, body=body, code="RS", name="Regionstyrelsen")


@pytest.fixture
def board(body) -> Organization:
    return people.organization_create(
        actor=None, body=body, name="Regionstyrelsen", kind=OrganizationKind.BOARD
    )


def _user(username: str, *roles: Role) -> User:
    ensure_role_groups()
    user = UserFactory(username=username)
    for role in roles:
        grant_role(user, role)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def registrar(db) -> User:
    return _user("registrator", Role.REGISTRAR)


@pytest.fixture
def secretary(db) -> User:
    return _user("sekreterare", Role.SECRETARY)


@pytest.fixture
def administrator(db) -> User:
    return _user("admin", Role.ADMINISTRATOR)


@pytest.fixture
def elected(db) -> User:
    return _user("ledamot", Role.ELECTED)


@pytest.fixture
def official_user(body) -> User:
    user = _user("handlaggare", Role.OFFICIAL)
    people.official_create(
        actor=None,
        body=body,
        name="Kristina Berglund",
        unit="Nämndadministration",
        title="Nämndsekreterare",
        user=user,
    )
    return User.objects.get(pk=user.pk)


@pytest.fixture
def other_official_user(body) -> User:
    user = _user("handlaggare2", Role.OFFICIAL)
    people.official_create(
        actor=None,
        body=body,
        name="Caroline Klefbom",
        unit="Staben Ekonomi",
        title="Finanscontroller",
        user=user,
    )
    return User.objects.get(pk=user.pk)


@pytest.fixture
def person(db) -> Person:
    party = people.party_create(actor=None, code="S", name="Socialdemokraterna")
    return people.person_create(actor=None, first_name="Andreas", last_name="Svahn", party=party)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test stores its uploads in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
