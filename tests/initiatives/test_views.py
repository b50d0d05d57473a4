"""The motion pages: registering, the next step's form, the list with its limits, the report;
bad input gets Swedish messages and writes nothing; who may do what."""

import datetime

import pytest
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.initiatives import services
from kansli.initiatives.models import Initiative, InitiativeStatus
from kansli.meetings.models import AgendaItem
from kansli.registry.models import Case

D = datetime.date
HOSTILE = "<script>alert(1)</script>"


def _url(name, *args):
    return reverse(f"initiatives:{name}", args=args)


def test_register_a_motion(client, registrar, series, council, authors):
    client.force_login(registrar)
    assert client.get(_url("motion_register")).status_code == 200
    response = client.post(
        _url("motion_register"),
        {
            "title": "Motion om kollektivtrafik",
            "received_on": "2020-09-15",
            "series": series.pk,
            "authors": [a.pk for a in authors],
        },
    )
    motion = Initiative.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("detail", motion.pk)
    assert motion.case.organization == council
    page = client.get(_url("detail", motion.pk)).content.decode()
    assert "Jens Exempelsson (V), Maria Prov (V)" in page and "2021-09-15" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"authors": []}, "En motion har minst en motionär."),
        ({"authors": ["99999"]}, "Välj motionärer i listan."),
        ({"received_on": "15/9 2020"}, "ÅÅÅÅ-MM-DD"),
        ({"received_on": "2999-01-01"}, "framtiden"),
        ({"title": ""}, "Ange en rubrik."),
        ({"title": "x" * 401}, "som mest 400 tecken"),
    ],
)
def test_register_refuses(client, registrar, series, authors, data, message):
    client.force_login(registrar)
    values = {
        "title": "Motion",
        "received_on": "2020-09-15",
        "series": series.pk,
        "authors": [a.pk for a in authors],
    }
    values.update(data)
    before = AuditEntry.objects.count()
    response = client.post(_url("motion_register"), values)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Case.objects.exists() and AuditEntry.objects.count() == before


def test_citizen_proposal_hostile_text_and_consent(client, registrar, series, council):
    client.force_login(registrar)
    client.post(
        _url("citizen_register"),
        {
            "title": HOSTILE,
            "received_on": "2020-09-01",
            "series": series.pk,
            "proposer_name": "Kim Provnamn",
        },
    )
    proposal = Initiative.objects.get()
    assert proposal.publish_name is False
    page = client.get(_url("list")).content.decode()
    assert "&lt;script&gt;" in page and HOSTILE not in page
    assert "(namnet publiceras inte)" in page


def test_the_workflow_through_the_pages(client, secretary, motion, council_meeting, board):
    client.force_login(secretary)
    page = client.get(_url("detail", motion.pk)).content.decode()
    assert "Anmäl i fullmäktige" in page and "Remitterad för beredning" not in page
    response = client.post(
        _url("announce", motion.pk), {"meeting": council_meeting.pk, "refer_to": board.pk}
    )
    assert response.status_code == 302
    assert AgendaItem.objects.get().case == motion.case
    response = client.post(
        _url("refer", motion.pk), {"organization": board.pk, "referred_on": "2020-09-20"}
    )
    assert response.status_code == 200
    assert "ligger före anmälan" in response.content.decode()
    client.post(_url("refer", motion.pk), {"organization": board.pk, "referred_on": "2020-09-30"})
    response = client.post(
        _url("decide", motion.pk),
        {"outcome": "avskriven", "decided_on": "2021-04-27", "reference": "RF § 61"},
    )
    assert "redovisats för fullmäktige" in response.content.decode()
    response = client.post(
        _url("decide", motion.pk),
        {"outcome": "besvarad", "decided_on": "2021-04-27", "reference": "RF 2021-04-27 § 61"},
    )
    assert response.status_code == 302
    motion.refresh_from_db()
    assert motion.status == InitiativeStatus.DECIDED
    page = client.get(_url("detail", motion.pk)).content.decode()
    assert "Besvarad 2021-04-27 (RF 2021-04-27 § 61)" in page
    assert "Spara beslutet" not in page


def test_a_step_that_does_not_apply_is_refused(client, secretary, motion, board):
    client.force_login(secretary)
    response = client.post(
        _url("decide", motion.pk), {"outcome": "bifallen", "decided_on": "2021-01-01"}
    )
    assert "inte anmäld" in response.content.decode()
    response = client.post(
        _url("delegate", motion.pk), {"organization": board.pk, "delegated_on": "2021-01-01"}
    )
    assert "kan inte överlämnas" in response.content.decode()
    assert Initiative.objects.get().status == InitiativeStatus.RECEIVED


def test_readers_and_writers(client, elected, official_user, motion, council_meeting, board):
    client.force_login(elected)
    assert client.get(_url("list")).status_code == 200
    page = client.get(_url("detail", motion.pk)).content.decode()
    assert "Anmäl i fullmäktige" not in page
    assert client.get(_url("motion_register")).status_code == 403
    assert client.post(_url("refer", motion.pk), {}).status_code == 403
    client.force_login(official_user)  # registers and records, but does not set agendas
    response = client.post(
        _url("announce", motion.pk), {"meeting": council_meeting.pk, "refer_to": board.pk}
    )
    assert response.status_code == 403 and not AgendaItem.objects.exists()
    assert client.get(_url("announce", motion.pk)).status_code == 405


def test_anonymous_and_unknown(client, registrar, motion):
    assert client.get(_url("list")).status_code == 302
    client.force_login(registrar)
    assert client.get(_url("detail", motion.pk + 1000)).status_code == 404


def test_list_filters_and_report(client, registrar, motion, body, series):
    services.citizen_proposal_register(
        actor=None,
        body=body,
        series=series,
        title="Förslag om parkbänkar",
        received_on=datetime.date.today(),
        proposer_name="Kim Provnamn",
    )
    client.force_login(registrar)
    page = client.get(_url("list") + "?tidsgrans=passerad").content.decode()
    assert "Motion om fler vårdplatser" in page and "parkbänkar" not in page
    assert "passerad" in page
    page = client.get(_url("list") + "?slag=medborgarforslag").content.decode()
    assert "parkbänkar" in page and "vårdplatser" not in page
    page = client.get(_url("report") + "?per=2021-09-16").content.decode()
    assert "Motion om fler vårdplatser" in page and "2021-09-15" in page
    page = client.get(_url("report") + "?per=2021-09-15").content.decode()
    assert "Inget har passerat tidsgränsen" in page
    page = client.get(_url("report") + "?per=<b>x</b>").content.decode()
    assert "är inget datum" in page and "<b>x</b>" not in page
