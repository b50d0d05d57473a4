"""Fixtures for the search tests: a small index built through the services."""

import datetime

import pytest
from django.db import connection

from kansli.people import services as people
from kansli.people.models import OrganizationKind
from kansli.search.services import search_index


@pytest.fixture
def council(body):
    return people.organization_create(
        actor=None, body=body, name="Regionfullmäktige", kind=OrganizationKind.COUNCIL
    )


@pytest.fixture
def index(board, council):
    """Five public entries of different kinds, organs and dates."""
    entries = [
        (
            "case:1",
            "arende",
            "Motion om cykelvägar",
            "Regionstyrelsen beslutade att avslå motionen om cykelvägar längs länsväg 50.",
            datetime.date(2020, 3, 5),
            board.pk,
        ),
        (
            "document:2",
            "handling",
            "Protokoll från regionstyrelsen",
            "Protokoll fört vid sammanträdet. Styrelsen fattade beslut om budgeten för 2021.",
            datetime.date(2020, 6, 10),
            board.pk,
        ),
        (
            "paragraph:3",
            "paragraf",
            "Budget 2021",
            "Fullmäktige fastställer budgeten. Beslutet expedieras till nämnderna.",
            datetime.date(2020, 11, 20),
            council.pk,
        ),
        (
            "meeting:4",
            "sammantrade",
            "Regionfullmäktiges sammanträde",
            "Kallelse till sammanträde i plenisalen. Ärendelista med handlingar bifogas.",
            datetime.date(2021, 1, 15),
            council.pk,
        ),
        (
            "memo:5",
            "pm",
            "Tjänsteskrivelse om kollektivtrafik",
            "Förvaltningen föreslår att nattrafiken utökas. Ekonomiska konsekvenser redovisas.",
            None,
            None,
        ),
    ]
    for key, kind, title, text, date, organization_id in entries:
        search_index(
            key=key,
            kind=kind,
            title=title,
            text=text,
            url=f"/insyn/{key.replace(':', '/')}/",
            date=date,
            organization_id=organization_id,
        )
    return entries


@pytest.fixture
def vendor(db) -> str:
    return connection.vendor
