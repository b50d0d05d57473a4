"""The delegation pages: registering through the forms, the order, compiling the report;
bad input gets Swedish messages and writes nothing; who may do what."""

import datetime

import pytest
from django.urls import reverse

from kansli.delegation import services
from kansli.delegation.models import Communication, DelegatedDecision, DelegationPoint
from kansli.meetings.models import AgendaItem
from kansli.people import services as people
from kansli.people.models import OrganizationKind
from kansli.registry import services as registry

HOSTILE = "<script>alert(1)</script>"


def _url(name, *args):
    return reverse(f"delegation:{name}", args=args)


def _decision_data(board, chosen, **changes):
    data = {
        "organization": board.pk,
        "point": chosen.pk,
        "decided_by": "Regiondirektören",
        "decided_on": "2020-06-15",
        "summary": "Regiondirektören har fattat beslut om anställning av förvaltningschef",
        "case_number": "",
    }
    return {**data, **changes}


def test_register_a_decision_and_see_it_waiting_for_the_meeting(
    client, official_user, board, point, board_meeting, body, series
):
    case = registry.case_register(actor=None, body=body, series=series, title="Anställning")
    client.force_login(official_user)
    assert client.get(_url("decision_register")).status_code == 200
    response = client.post(
        _url("decision_register"), _decision_data(board, point, case_number=case.number)
    )
    assert response.status_code == 302 and response["Location"] == _url("list")
    decision = DelegatedDecision.objects.get()
    assert decision.case == case and decision.point == point
    page = client.get(_url("list")).content.decode()
    # The meeting has been held (it is 2020) without it: the list says so.
    assert "skulle ha anmälts 2020-08-26" in page and case.number in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"decided_on": "15/6 2020"}, "ÅÅÅÅ-MM-DD"),
        ({"summary": ""}, "Detta fält måste fyllas i"),
        ({"point": "99999"}, "Välj i listan."),
        ({"case_number": "20RS99999"}, "Inget ärende med diarienummer 20RS99999."),
        ({"case_number": "'; DROP TABLE x; --"}, "är inte ett diarienummer"),
        ({"decided_on": "2999-01-01"}, "Beslutsdatumet kan inte ligga i framtiden."),
    ],
)
def test_bad_decision_input_is_refused_in_swedish(
    client, official_user, board, point, changes, message
):
    client.force_login(official_user)
    response = client.post(_url("decision_register"), _decision_data(board, point, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DelegatedDecision.objects.exists()


def test_a_point_of_another_body_is_refused_on_the_form(client, official_user, body, board):
    committee = people.organization_create(
        actor=None, body=body, name="Hälso- och sjukvårdsnämnden", kind=OrganizationKind.COMMITTEE
    )
    other = services.delegation_point_create(
        actor=None, organization=committee, code="9.9", title="Avtal", delegate="Direktören"
    )
    client.force_login(official_user)
    response = client.post(_url("decision_register"), _decision_data(board, other))
    assert "Punkt 9.9 finns inte i delegationsordningen för Regionstyrelsen." in (
        response.content.decode()
    )
    assert not DelegatedDecision.objects.exists()


def test_hostile_text_is_escaped_on_the_list(client, official_user, board, point):
    client.force_login(official_user)
    client.post(_url("decision_register"), _decision_data(board, point, summary=HOSTILE))
    page = client.get(_url("list")).content.decode()
    assert HOSTILE not in page and "&lt;script&gt;" in page


def test_register_a_communication(client, registrar, board):
    client.force_login(registrar)
    data = {
        "organization": board.pk,
        "received_on": "2020-06-20",
        "sender": "Länsstyrelsen i Örebro län",
        "summary": "Länsstyrelsen har överlämnat information om båttrafik",
        "case_number": "",
    }
    assert client.post(_url("communication_register"), data).status_code == 302
    assert Communication.objects.get().sender == "Länsstyrelsen i Örebro län"
    response = client.post(_url("communication_register"), {**data, "sender": ""})
    assert "Detta fält måste fyllas i" in response.content.decode()
    assert Communication.objects.count() == 1


def test_the_order_page_adds_and_edits_points(client, secretary, board, point):
    client.force_login(secretary)
    page = client.get(_url("points")).content.decode()
    assert "Anställning av förvaltningschef" in page and "Regiondirektören" in page
    data = {
        "organization": board.pk,
        "code": "3.2",
        "title": "Dubblett",
        "delegate": "x",
        "reported": "on",
    }
    response = client.post(_url("points"), data)
    assert "Punkt 3.2 finns redan i delegationsordningen för Regionstyrelsen." in (
        response.content.decode()
    )
    response = client.post(_url("points"), {**data, "code": "4.1", "title": "Avtal"})
    assert response.status_code == 302
    assert DelegationPoint.objects.count() == 2
    response = client.post(
        _url("point_edit", point.pk),
        {"title": point.title, "delegate": "Biträdande regiondirektör", "is_active": "on"},
    )
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.delegate == "Biträdande regiondirektör" and not point.reported


def test_compile_through_the_page(client, secretary, board, point, board_meeting, series):
    services.delegated_decision_register(
        actor=None,
        organization=board,
        point=point,
        decided_by="Regiondirektören",
        decided_on=datetime.date(2020, 6, 15),
        summary="Regiondirektören har fattat beslut om anställning",
    )
    client.force_login(secretary)
    page = client.get(_url("compile")).content.decode()
    assert "Regionstyrelsen 2020-08-26" in page
    assert f'<option value="{series.pk}" selected>' in page  # the default series
    response = client.post(
        _url("compile"), {"meeting": "<script>", "case_number": "", "series": series.pk}
    )
    assert "Välj i listan." in response.content.decode()
    assert not AgendaItem.objects.exists()
    response = client.post(
        _url("compile"), {"meeting": board_meeting.pk, "case_number": "", "series": series.pk}
    )
    item = AgendaItem.objects.get()
    assert response["Location"] == reverse("meetings:memo_detail", args=[board_meeting.pk, 1])
    memo_page = client.get(response["Location"]).content.decode()
    assert "Anmälningsärenden" in memo_page and "<ol" in memo_page
    assert item.delegated_decisions.count() == 1
    listing = client.get(_url("list")).content.decode()
    assert "Anmäld 2020-08-26, punkt 1" in listing


def test_who_may_do_what(client, elected, official_user, board, point):
    client.force_login(elected)
    assert client.get(_url("list")).status_code == 200
    assert client.get(_url("points")).status_code == 200
    for name in ("decision_register", "communication_register", "compile"):
        assert client.get(_url(name)).status_code == 403
    assert client.post(_url("points"), {"code": "1"}).status_code == 403
    assert client.get(_url("point_edit", point.pk)).status_code == 403
    client.force_login(official_user)
    assert client.get(_url("decision_register")).status_code == 200
    assert client.get(_url("compile")).status_code == 403
    client.logout()
    assert client.get(_url("list")).status_code == 302


def test_list_filters(client, elected, board, point, silent_point):
    for summary, chosen in (("Beslut A om avtal", point), ("Beslut B om utlämnande", silent_point)):
        services.delegated_decision_register(
            actor=None,
            organization=board,
            point=chosen,
            decided_by="x",
            decided_on=datetime.date(2020, 6, 15),
            summary=summary,
        )
    client.force_login(elected)
    page = client.get(_url("list"), {"q": "utlämnande"}).content.decode()
    assert "Beslut B" in page and "Beslut A" not in page and "Anmäls inte" in page
    page = client.get(_url("list"), {"organ": "²", "q": "<b>"}).content.decode()
    assert "Inga delegationsbeslut." in page
