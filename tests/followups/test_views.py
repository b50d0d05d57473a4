import pytest
from django.urls import reverse

from kansli.followups.models import Assignment, AssignmentStatus, FollowUp
from kansli.registry import services as registry


@pytest.fixture
def case(body, series):
    return registry.case_register(actor=None, body=body, series=series, title="Delårsrapport")


def test_assignment_through_the_pages(client, official_user, board):
    client.force_login(official_user)
    data = {
        "organization": board.pk,
        "number": "53",
        "title": "Ta fram en plan för digitala möten",
        "responsible": "Regiondirektören",
        "given_on": "2020-01-15",
        "due_on": "2020-12-31",
        "case_number": "",
    }
    response = client.post(reverse("followups:assignment_create"), data)
    assignment = Assignment.objects.get()
    assert response["Location"] == reverse("followups:assignment", args=[assignment.pk])
    url = reverse("followups:assignment_report", args=[assignment.pk])
    response = client.post(url, {"status": "pågår", "reported_on": "2020-07-31"})
    assert "Okänd status: välj ej startat, startat eller klart." in response.content.decode()
    response = client.post(
        url, {"status": "klart", "reported_on": "2020-07-31", "forecast": "<b>x</b>"}
    )
    assert "Ange vilken dag uppdraget blev klart." in response.content.decode()
    response = client.post(
        url, {"status": "startat", "reported_on": "2020-07-31", "forecast": "Klart i december"}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.STARTED
    page = client.get(reverse("followups:list")).content.decode()
    assert "Uppdrag 53" in page and "Klart i december" in page and "(passerad)" in page


def test_followup_through_the_pages(client, registrar, case):
    client.force_login(registrar)
    data = {
        "case_number": case.number,
        "description": "Effekten av åtgärderna",
        "decided_on": "2020-05-27",
        "due_on": "",
        "with_interim_report": "on",
    }
    response = client.post(reverse("followups:followup_create"), {**data, "case_number": ""})
    assert "Ange diarienumret." in response.content.decode()
    response = client.post(reverse("followups:followup_create"), {**data, "due_on": "2021-01-01"})
    assert "inte båda" in response.content.decode()
    assert not FollowUp.objects.exists()
    assert client.post(reverse("followups:followup_create"), data).status_code == 302
    followup = FollowUp.objects.get()
    assert followup.due_on.isoformat() == "2020-08-31"
    done = reverse("followups:followup_done", args=[followup.pk])
    response = client.post(done, {"done_on": "2020-01-01"}, follow=True)
    assert "Uppföljningen kan inte vara klar före beslutet." in response.content.decode()
    client.post(done, {"done_on": "2020-09-02"})
    followup.refresh_from_db()
    assert followup.done_on.isoformat() == "2020-09-02"


def test_who_may_do_what(client, elected, board):
    client.force_login(elected)
    assert client.get(reverse("followups:list")).status_code == 200
    assert client.get(reverse("followups:assignment_create")).status_code == 403
    assert client.get(reverse("followups:followup_create")).status_code == 403
    assert client.post(reverse("followups:followup_done", args=[1]), {}).status_code == 403
    assert client.get(reverse("followups:assignment", args=[999])).status_code == 404
    client.logout()
    assert client.get(reverse("followups:list")).status_code == 302
