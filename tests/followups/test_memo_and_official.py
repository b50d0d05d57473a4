"""A follow-up asked for from a memo (the memo's page links to the form, which keeps the
memo), and an assignment's responsible official, who sees it among their deadlines."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kansli.followups import services
from kansli.followups.models import Assignment, FollowUp
from kansli.meetings import services as meetings
from kansli.people import services as people
from kansli.people.models import Official
from kansli.registry import services as registry

D = datetime.date


@pytest.fixture
def memo_item(body, series, board):
    case = registry.case_register(actor=None, body=body, series=series, title="Delårsrapport")
    meeting = meetings.meeting_create(
        actor=None, organization=board, date=D(2020, 8, 26), start_time=datetime.time(9), place="A"
    )
    item = meetings.agenda_item_add(actor=None, meeting=meeting, title="Delårsrapport", case=case)
    meetings.agenda_item_memo_create(actor=None, item=item)
    item.refresh_from_db()
    return item


def test_a_follow_up_asked_for_from_a_memo(client, registrar, memo_item):
    memo = memo_item.memo
    client.force_login(registrar)
    page = client.get(
        reverse("meetings:memo_detail", args=[memo_item.meeting_id, memo_item.number])
    ).content.decode()
    link = f"{reverse('followups:followup_create')}?pm={memo.pk}"
    assert link in page
    form = client.get(link).content.decode()
    assert memo.title in form and memo_item.case.number in form
    data = {
        "pm": memo.pk,
        "case_number": memo_item.case.number,
        "description": "Effekten av åtgärderna",
        "decided_on": "2020-08-26",
        "due_on": "2020-12-31",
    }
    for changes, message in (
        ({"pm": "<script>"}, "Föredragnings-PM:et finns inte."),
        ({"pm": "99999"}, "Föredragnings-PM:et finns inte."),
    ):
        response = client.post(link, {**data, **changes})
        assert response.status_code == 200 and message in response.content.decode()
    assert not FollowUp.objects.exists()
    assert client.post(link, data).status_code == 302
    assert FollowUp.objects.get().memo == memo
    listing = client.get(reverse("followups:list")).content.decode()
    assert "Enligt föredragnings-PM 2020-08-26" in listing


def test_a_memo_of_another_case_is_refused(client, registrar, memo_item, body, series):
    other = registry.case_register(actor=None, body=body, series=series, title="Annat")
    client.force_login(registrar)
    response = client.post(
        reverse("followups:followup_create"),
        {
            "pm": memo_item.memo.pk,
            "case_number": other.number,
            "description": "x",
            "decided_on": "2020-08-26",
            "due_on": "2020-12-31",
        },
    )
    assert "hör till ett annat ärende" in response.content.decode()
    assert not FollowUp.objects.exists()


def test_a_bad_pm_parameter_just_leaves_the_form_plain(client, registrar, body):
    client.force_login(registrar)
    for raw in ("abc", "1" * 40, "-1", "²"):
        response = client.get(reverse("followups:followup_create"), {"pm": raw})
        assert response.status_code == 200
        assert "Föredragnings-PM:et ”" not in response.content.decode()


def test_the_responsible_official_sees_the_assignment(
    client, official_user, other_official_user, board
):
    today = timezone.localdate()
    mine = Official.objects.get(user=official_user)
    services.assignment_create(
        actor=None,
        organization=board,
        number="53",
        title="Ta fram en plan för digitala möten",
        responsible="Regiondirektören",
        given_on=today - datetime.timedelta(days=30),
        due_on=today + datetime.timedelta(days=5),
        official=mine,
    )
    client.force_login(official_user)
    assert "Uppdrag 53 ska vara klart" in client.get("/").content.decode()
    client.force_login(other_official_user)
    assert "Uppdrag 53" not in client.get("/").content.decode()
    page = client.get(reverse("followups:list")).content.decode()
    assert "Kristina Berglund" in page


def test_an_official_of_another_body_is_refused(board, db):
    other_body = people.body_create(actor=None, name="Örebro kommun", short_name="ÖK")
    stranger = people.official_create(actor=None, body=other_body, name="Någon Annan")
    with pytest.raises(ValidationError, match="annan huvudman"):
        services.assignment_create(
            actor=None,
            organization=board,
            number="7",
            title="x",
            responsible="y",
            given_on=D(2020, 1, 1),
            official=stranger,
        )
    assert not Assignment.objects.exists()


def test_the_form_offers_the_bodys_officials(client, registrar, official_user, board):
    client.force_login(registrar)
    page = client.get(reverse("followups:assignment_create")).content.decode()
    assert "Kristina Berglund" in page
    response = client.post(
        reverse("followups:assignment_create"),
        {
            "organization": board.pk,
            "number": "53",
            "title": "Plan",
            "responsible": "Regiondirektören",
            "official": "99999",
            "given_on": "2020-01-15",
        },
    )
    assert "Välj i listan." in response.content.decode()
    assert not Assignment.objects.exists()
