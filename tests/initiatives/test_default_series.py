"""Registering a motion or citizen proposal offers the body's default series, and the service
uses it when no series is given."""

import datetime

import pytest
from django.urls import reverse

from kansli.initiatives import services
from kansli.registry.services import series_create


@pytest.fixture
def older(body, series):
    return series_create(actor=None, body=body, code="OLL", name="Äldre serie")


@pytest.mark.parametrize("page", ["initiatives:motion_register", "initiatives:citizen_register"])
def test_the_register_pages_have_the_default_series_chosen(client, registrar, series, older, page):
    client.force_login(registrar)
    content = client.get(reverse(page)).content.decode()
    assert f'<option value="{series.pk}" selected>' in content


def test_without_a_series_a_motion_goes_in_the_default_series(body, series, older, authors):
    motion = services.motion_register(
        actor=None,
        body=body,
        title="Motion om fler vårdplatser",
        received_on=datetime.date(2020, 9, 15),
        authors=authors,
    )
    assert motion.case.series == series
