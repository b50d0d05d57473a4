"""The resignation pages: the steps through the forms, bad input refused in Swedish with
nothing written, who may do what."""

import datetime

import pytest
from django.urls import reverse

from kansli.elections import services
from kansli.elections.models import Resignation, ResignationStatus
from kansli.people.models import Membership

D = datetime.date


def _url(name, *args):
    return reverse(f"elections:{name}", args=args)


@pytest.fixture
def resignation(seat, series):
    return services.resignation_register(
        actor=None, membership=seat, requested_on=D(2020, 6, 24), series=series
    )


def test_the_steps_through_the_pages(client, secretary, seat, series, board_meeting, successor):
    client.force_login(secretary)
    assert client.get(_url("register")).status_code == 200
    response = client.post(
        _url("register"),
        {"membership": seat.pk, "requested_on": "2020-06-24", "series": series.pk},
    )
    resignation = Resignation.objects.get()
    assert response["Location"] == _url("detail", resignation.pk)
    page = client.get(_url("detail", resignation.pk)).content.decode()
    assert "Patrik Rehnberg (S), ersättare i Rådet för funktionshinderfrågor" in page
    assert "Ej utsedd" in page

    assert (
        client.post(_url("propose", resignation.pk), {"meeting": board_meeting.pk}).status_code
        == 302
    )
    assert (
        client.post(_url("nominate", resignation.pk), {"person": successor.pk}).status_code == 302
    )
    page = client.get(_url("detail", resignation.pk)).content.decode()
    assert "Anna Exempelsdotter (S) (föreslagen)" in page and 'value="2020-08-26"' in page
    assert (
        client.post(_url("grant", resignation.pk), {"decided_on": "2020-08-26"}).status_code == 302
    )
    resignation.refresh_from_db()
    assert resignation.status == ResignationStatus.GRANTED
    assert Membership.objects.get(person=successor).start == D(2020, 8, 26)
    listing = client.get(_url("list")).content.decode()
    assert "Anna Exempelsdotter (S), vald 2020-08-26" in listing


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("grant", {"decided_on": "26/8"}, "ÅÅÅÅ-MM-DD"),
        ("grant", {"decided_on": "2020-06-01"}, "före dagen begäran kom in"),
        ("nominate", {"person": "99999"}, "Välj i listan."),
        ("propose", {"meeting": "<script>"}, "Välj i listan."),
        ("elect", {"decided_on": "2020-08-26"}, "Ange vem som väljs."),
    ],
)
def test_bad_input_is_refused(client, secretary, resignation, step, data, message):
    client.force_login(secretary)
    response = client.post(_url(step, resignation.pk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    resignation.refresh_from_db()
    assert resignation.status == ResignationStatus.RECEIVED


def test_who_may_do_what(client, elected, official_user, resignation):
    client.force_login(elected)
    assert client.get(_url("list")).status_code == 200
    assert client.get(_url("detail", resignation.pk)).status_code == 200
    assert "Bevilja" not in client.get(_url("detail", resignation.pk)).content.decode()
    client.force_login(official_user)
    assert client.get(_url("register")).status_code == 403
    for step in ("propose", "nominate", "grant", "elect"):
        assert client.post(_url(step, resignation.pk), {}).status_code == 403
    assert client.get(_url("grant", resignation.pk)).status_code == 405
    assert client.get(_url("detail", 99999)).status_code == 404
    client.logout()
    assert client.get(_url("list")).status_code == 302
