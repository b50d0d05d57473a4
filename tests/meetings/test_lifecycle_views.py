"""The meeting and agenda pages: what they do, and bad input refused in Swedish with nothing
written and never a 500."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from kansli.meetings.models import AgendaItem, Meeting, NoticeSending
from kansli.registry.services import case_register

from ..minutes.helpers import started_minutes
from ..shared import shared_fixtures
from .lifecycle_helpers import board_with_upcoming_meeting

pytestmark = pytest.mark.django_db


_shared_data, body, series, board = shared_fixtures(board_with_upcoming_meeting, "board")


@pytest.fixture
def b(board, client, secretary):
    client.force_login(secretary)
    return board


def url(name, b, *args):
    return reverse(f"meetings:{name}", args=[b.meeting.pk, *args])


def numbers(b):
    return list(b.meeting.items.order_by("number").values_list("title", flat=True))


def test_edit_and_move_with_notice_of_the_change(b, client):
    client.post(url("notice_send", b))
    assert len(mail.outbox) == 9
    mail.outbox.clear()
    response = client.post(
        url("meeting_edit", b),
        {
            "date": b.meeting.date.isoformat(),
            "start_time": "13:00",
            "end_time": "",
            "place": "Regionens hus, sal A",
            "absence_contact": "",
            "notify": "on",
        },
        follow=True,
    )
    assert "Meddelandet om ändringen skickades till 9 av 9." in response.content.decode()
    assert Meeting.objects.get(pk=b.meeting.pk).place == "Regionens hus, sal A"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "2026-13-45", "Ange datumet som ÅÅÅÅ-MM-DD."),
        ("start_time", "25:99", "Ange tiden som TT:MM"),
        ("place", "", "Ange plats."),
        ("end_time", "08:00", "Sluttiden måste vara efter starttiden."),
    ],
)
def test_bad_meeting_changes_are_refused(b, client, field, value, message):
    data = {
        "date": b.meeting.date.isoformat(),
        "start_time": "09:30",
        "end_time": "",
        "place": "Sal B",
        "absence_contact": "",
        field: value,
    }
    response = client.post(url("meeting_edit", b), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Meeting.objects.get(pk=b.meeting.pk).place == "Hörsal L1, Örebro universitet"


def test_moving_into_the_past_after_the_notice_asks_in_the_form(b, client):
    client.post(url("notice_send", b))
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    data = {"date": yesterday, "start_time": "09:30", "place": "Sal B", "notify": ""}
    response = client.post(url("meeting_edit", b), data)
    page = response.content.decode()
    assert response.status_code == 200 and "har redan varit" in page
    assert 'type="checkbox" name="confirmed"' in page and "Ja, fortsätt ändå" in page
    assert Meeting.objects.get(pk=b.meeting.pk).date == b.meeting.date
    response = client.post(url("meeting_edit", b), {**data, "confirmed": "on"})
    assert response.status_code == 302
    assert Meeting.objects.get(pk=b.meeting.pk).date.isoformat() == yesterday


def test_cancel_page(b, client):
    response = client.post(url("meeting_cancel", b), {"reason": "x" * 301, "notify": ""})
    assert response.status_code == 200 and not Meeting.objects.get(pk=b.meeting.pk).is_cancelled
    response = client.post(url("meeting_cancel", b), {"reason": "Inga ärenden"}, follow=True)
    assert "Sammanträdet är inställt." in response.content.decode()
    assert Meeting.objects.get(pk=b.meeting.pk).is_cancelled


def test_cancelling_a_meeting_with_started_minutes_is_refused_on_the_page(b, client):
    started_minutes(b)
    response = client.post(url("meeting_cancel", b), {"reason": ""})
    assert response.status_code == 200
    assert "kan inte ställas in" in response.content.decode()


def test_add_an_item_from_a_case_without_its_title(b, client, series):
    case = case_register(actor=None, body=b.body, series=series, title="Budget 2027")
    response = client.post(
        url("agenda_item_add", b), {"case_number": case.number, "is_public": "on"}
    )
    assert response.status_code == 302
    assert numbers(b)[-1] == "Budget 2027"


def test_add_form_prefills_the_case(b, client, series):
    case = case_register(actor=None, body=b.body, series=series, title="Budget 2027")
    page = client.get(url("agenda_item_add", b) + f"?arende={case.pk}").content.decode()
    assert f'value="{case.number}"' in page
    assert client.get(url("agenda_item_add", b) + "?arende=²").status_code == 200


def test_add_from_the_waiting_list(b, client, series):
    from kansli.meetings.models import CaseStep

    case = case_register(actor=None, body=b.body, series=series, title="Regionplan")
    CaseStep.objects.create(case=case, organization=b.board, position=1)
    page = client.get(reverse("minutes:cases_waiting")).content.decode()
    assert "Lägg på dagordningen" in page and f"{b.meeting.date:%Y-%m-%d}" in page
    response = client.post(
        reverse("meetings:agenda_item_add_from_case"),
        {"meeting": b.meeting.pk, "case": case.pk},
    )
    assert response.status_code == 302
    assert numbers(b)[-1] == "Regionplan"
    for bad in ({"meeting": "x", "case": case.pk}, {"meeting": "", "case": ""}, {}):
        response = client.post(reverse("meetings:agenda_item_add_from_case"), bad)
        assert response.status_code == 302
    assert AgendaItem.objects.filter(meeting=b.meeting).count() == 4


def test_reorder_by_dragging_and_garbage(b, client):
    items = list(b.meeting.items.order_by("number").values_list("pk", flat=True))
    order = ",".join(str(pk) for pk in reversed(items))
    client.post(url("agenda_reorder", b), {"ordning": order})
    assert numbers(b) == ["Delårsrapport", "Motion om gröna obligationer", "Protokollsjustering"]
    for garbage in ("", "a,b", "1;2", "9" * 40, ",".join(["1"] * 5000)):
        response = client.post(url("agenda_reorder", b), {"ordning": garbage}, follow=True)
        assert response.status_code == 200
        assert "Ordningen" in response.content.decode()
    assert numbers(b)[0] == "Delårsrapport"


def test_up_down_withdraw_restore_remove(b, client):
    client.post(url("agenda_item_move", b, 1), {"riktning": "ned"})
    assert numbers(b)[:2] == ["Motion om gröna obligationer", "Protokollsjustering"]
    response = client.post(url("agenda_item_move", b, 1), {"riktning": "upp"}, follow=True)
    assert "står redan först" in response.content.decode()
    client.post(url("agenda_item_withdraw", b, 3), {"reason": "Ej berett"})
    assert b.meeting.items.get(number=3).is_withdrawn
    response = client.post(url("agenda_item_withdraw", b, 3), {"reason": "x" * 400}, follow=True)
    assert "högst 300 tecken" in response.content.decode()
    client.post(url("agenda_item_withdraw", b, 3), {"atgard": "aterinfor"})
    assert not b.meeting.items.get(number=3).is_withdrawn
    assert client.get(url("agenda_item_remove", b, 3)).status_code == 200
    client.post(url("agenda_item_remove", b, 3))
    assert numbers(b) == ["Motion om gröna obligationer", "Protokollsjustering"]


def test_remove_after_the_notice_is_refused_with_the_route(b, client):
    client.post(url("notice_send", b))
    response = client.post(url("agenda_item_remove", b, 3), follow=True)
    assert "Låt punkten utgå i stället" in response.content.decode()
    assert b.meeting.items.count() == 3


def test_an_item_change_after_the_minutes_started_names_the_route(b, client):
    started_minutes(b)
    response = client.post(url("agenda_item_add", b), {"title": "Extra", "confirmed": "on"})
    assert response.status_code == 200
    assert "ändras nu i protokollet" in response.content.decode()
    response = client.post(
        reverse("minutes:item_add", args=[b.meeting.pk]), {"title": "Extra", "is_public": "on"}
    )
    assert response.status_code == 302
    assert numbers(b)[-1] == "Extra"
    assert b.meeting.minutes.paragraphs.filter(title="Extra").exists()


def test_send_notice_page_reports_per_person(b, client):
    from kansli.people.models import Person

    Person.objects.filter(pk=b["Sundin"].pk).update(email="inte-en-adress")
    response = client.post(url("notice_send", b), follow=True)
    page = response.content.decode()
    assert "Kallelse skickades till 8 av 9." in page
    assert "Karin Sundin (S): ogiltig e-postadress" in page
    response = client.post(url("notice_send", b), follow=True)
    assert "Ingen ny mottagare" in response.content.decode()
    assert NoticeSending.objects.count() == 1


def test_members_see_the_state_but_not_the_tools(b, client):
    client.force_login(b.login("Svahn"))
    page = client.get(url("meeting_detail", b)).content.decode()
    assert 'id="lage"' in page and "Skicka kallelsen" not in page and "Ta bort" not in page
    assert client.post(url("notice_send", b)).status_code == 403
    assert client.get(url("meeting_edit", b)).status_code == 403
