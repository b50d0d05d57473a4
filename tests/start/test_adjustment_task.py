""" "Att justera" on the start page: the chair and the adjusters of minutes not yet adjusted
see a task linking the minutes until they have signed; it goes when they have signed or
the minutes are locked."""

import pytest
from django.urls import reverse

from kansli.minutes import services
from kansli.minutes.models import Minutes
from kansli.minutes.selectors import minutes_to_sign

from ..minutes.helpers import board_with_meeting, started_minutes
from ..shared import shared_fixtures

TASK = "Att justera: Protokoll Regionstyrelsen 2020-08-26"


_shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")


@pytest.fixture
def minutes(b):
    return started_minutes(b)


def _home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("core:home")).content.decode()


def test_the_chair_and_the_adjuster_see_the_task_until_they_sign(client, b, minutes):
    chair, adjuster = b.login("Svahn"), b.login("Karlsson")
    link = reverse("minutes:minutes_detail", args=[b.meeting.pk])
    for user in (chair, adjuster):
        page = _home(client, user)
        assert f'<a href="{link}">{TASK}</a>' in page
    services.minutes_sign(actor=chair, minutes=Minutes.objects.get(pk=minutes.pk))
    assert TASK not in _home(client, chair)
    assert TASK in _home(client, adjuster)
    services.minutes_sign(actor=adjuster, minutes=Minutes.objects.get(pk=minutes.pk))
    assert TASK not in _home(client, adjuster)


def test_locked_minutes_ask_no_one(b, minutes):
    Minutes.objects.filter(pk=minutes.pk).update(locked_at="2020-09-01T12:00:00Z")
    assert not minutes_to_sign(viewer=b.login("Karlsson")).exists()


def test_others_do_not_see_it(client, b, minutes, secretary, db):
    assert TASK not in _home(client, b.login("Menhem"))  # a member, not a signer
    assert TASK not in _home(client, secretary)  # no person linked
    assert not minutes_to_sign(viewer=None).exists()


def test_a_signature_on_one_paragraph_is_not_the_signature_of_the_minutes(b, minutes):
    chair = b.login("Svahn")
    p3 = minutes.paragraphs.get(agenda_item__number=3)
    services.paragraph_update(
        actor=None,
        paragraph=p3,
        decision_formula="Regionstyrelsen beslutar",
        decision_clauses=["att godkänna delårsrapporten."],
    )
    services.minutes_sign(actor=chair, minutes=Minutes.objects.get(pk=minutes.pk), paragraph=p3)
    assert list(minutes_to_sign(viewer=chair)) == [minutes]
