"""The resignation form offers the body's default series; the service uses it when no series
is given."""

import datetime

import pytest
from django.urls import reverse

from kansli.elections import services
from kansli.registry.services import series_create


@pytest.fixture
def older(body, series):
    return series_create(actor=None, body=body, code="OLL", name="Äldre serie")


def test_the_register_page_has_the_default_series_chosen(client, secretary, seat, series, older):
    client.force_login(secretary)
    page = client.get(reverse("elections:register")).content.decode()
    assert f'<option value="{series.pk}" selected>' in page


def test_without_a_series_the_request_goes_in_the_default_series(seat, series, older):
    resignation = services.resignation_register(
        actor=None, membership=seat, requested_on=datetime.date(2020, 6, 24)
    )
    assert resignation.case.series == series
