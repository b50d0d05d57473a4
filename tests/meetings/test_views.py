import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kansli.meetings.models import AgendaItem, Meeting
from kansli.registry.services import case_register


@pytest.fixture
def meeting(client, secretary, board):
    client.force_login(secretary)
    response = client.post(
        reverse("meetings:meeting_create"),
        {
            "organization": board.pk,
            "date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
            "start_time": "09:30",
            "end_time": "12:00",
            "place": "Hörsal L1, Örebro universitet",
            "absence_contact": "",
        },
    )
    assert response.status_code == 302
    return Meeting.objects.get()


def test_add_agenda_item_with_case_number_and_clauses(client, registrar, body, series, meeting):
    case_register(
        actor=registrar,
        body=body,
        series=series,
        number="20RS387",
        title="Anmälningsärenden",
        today=datetime.date(2020, 8, 26),
    )
    response = client.post(
        reverse("meetings:agenda_item_add", args=[meeting.pk]),
        {
            "number": "12",
            "title": "Anmälnings- och meddelandeärenden",
            "case_number": "20RS387",
            "is_public": "on",
            "formula": "Regionstyrelsen beslutar",
            "clauses": "att godkänna\nredovisningen",
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.case.number == "20RS387"
    assert [c.text for c in item.proposal.clauses.all()] == ["att godkänna redovisningen"]
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "12. Anmälnings- och meddelandeärenden" in page and "att godkänna redovisningen." in page


def test_case_page_names_the_meetings_whose_agenda_it_is_on(
    client, registrar, body, series, meeting
):
    """The registry's case page lists the agenda items (kansli.meetings adds them through
    registry.hooks.on_case_page)."""
    case = case_register(
        actor=registrar,
        body=body,
        series=series,
        number="20RS388",
        title="Delårsrapport",
        today=datetime.date(2020, 8, 26),
    )
    case_page = reverse("registry:case_detail", args=[case.pk])
    assert "På dagordningen" not in client.get(case_page).content.decode()
    response = client.post(
        reverse("meetings:agenda_item_add", args=[meeting.pk]),
        {"number": "7", "title": "Delårsrapport", "case_number": "20RS388", "is_public": "on"},
    )
    assert response.status_code == 302
    page = client.get(case_page).content.decode()
    assert "På dagordningen" in page
    assert reverse("meetings:meeting_detail", args=[meeting.pk]) in page
    assert "punkt 7" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"case_number": "KS 2018/124"}, "är inte ett diarienummer"),
        ({"case_number": "20RS9999"}, "Inget ärende med diarienummer 20RS9999"),
        (
            {"clauses": "godkänna redovisningen", "formula": "Regionstyrelsen beslutar"},
            "börjar inte med",
        ),
        ({"number": "1"}, "Nummer 1 finns redan"),
    ],
)
def test_agenda_item_bad_input(client, meeting, fields, message):
    client.post(
        reverse("meetings:agenda_item_add", args=[meeting.pk]),
        {"number": "1", "title": "Protokollsjustering"},
    )
    data = {"title": "Ny punkt", "is_public": "on"}
    data.update(fields)
    response = client.post(reverse("meetings:agenda_item_add", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert AgendaItem.objects.count() == 1
