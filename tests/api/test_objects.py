"""The shape of every kind of object: OParl's id (its own URL), type and links by URL."""

import datetime

from django.urls import reverse

from kansli.meetings import services as meetings
from kansli.minutes.models import Minutes
from kansli.people.models import Membership
from kansli.registry import services as registry
from kansli.registry.models import Document, DocumentKind
from kansli.registry.tasks import document_inspect

from ..publishing.world import PUBLIC_DOCUMENT
from .conftest import HOST, get_json, shared_api_world

# The world, built once for this module; `body` and `series` are the world's.
_shared_data, body, series, world = shared_api_world()

OPARL = "https://schema.oparl.org/1.1/"


def follow(client, url: str, status: int = 200):
    assert url.startswith(HOST), url
    return get_json(client, url.removeprefix(HOST), status)


def test_system_leads_to_the_bodies(world, client):
    system = get_json(client, "/api/v1/system")
    assert system["id"] == f"{HOST}/api/v1/system"
    assert system["type"] == f"{OPARL}System"
    assert system["oparlVersion"] == OPARL
    assert system["vendor"] == "Kansli"
    assert system["name"] == "Kansli – Region Örebro län"
    assert system["website"] == f"{HOST}{reverse('publishing:home')}"
    bodies = follow(client, system["body"])
    assert [b["name"] for b in bodies["data"]] == ["Region Örebro län"]


def test_a_body_links_its_lists_and_embeds_its_terms(world, client):
    body = get_json(client, f"/api/v1/bodies/{world.board.body.pk}")
    assert body["id"] == f"{HOST}/api/v1/bodies/{world.board.body.pk}"
    assert body["type"] == f"{OPARL}Body"
    assert body["shortName"] == "Region Örebro"
    assert [t["name"] for t in body["legislativeTerm"]] == ["2019–2022"]
    term = follow(client, body["legislativeTerm"][0]["id"])
    assert term == body["legislativeTerm"][0]
    assert (term["startDate"], term["endDate"]) == ("2019-01-01", "2022-12-31")
    assert follow(client, body["legislativeTermList"])["data"] == [term]
    organizations = follow(client, body["organization"])["data"]
    assert {o["name"] for o in organizations} == {"Regionfullmäktige", "Regionstyrelsen"}
    assert follow(client, body["person"])["pagination"]["totalElements"] == 9
    assert follow(client, body["meeting"])["pagination"]["totalElements"] == 2
    assert follow(client, body["paper"])["pagination"]["totalElements"] == 2  # not the secret


def test_an_organization_with_its_parent_seats_and_meetings(world, client):
    board = get_json(client, f"/api/v1/organizations/{world.board.board.pk}")
    assert board["type"] == f"{OPARL}Organization"
    assert board["classification"] == "Styrelse"
    assert board["organizationType"] == "Gremium"
    assert board["subOrganizationOf"] == f"{HOST}/api/v1/organizations/{world.board.council.pk}"
    assert len(board["membership"]) == 9
    meetings_of_board = follow(client, board["meeting"])["data"]
    assert {m["start"][:10] for m in meetings_of_board} == {"2020-08-26", "2020-09-30"}
    council = get_json(client, f"/api/v1/organizations/{world.board.council.pk}")
    assert "subOrganizationOf" not in council
    assert follow(client, council["meeting"])["data"] == []


def test_a_person_with_their_seats(world, client):
    chair = get_json(client, f"/api/v1/persons/{world.board['Svahn'].pk}")
    assert chair["type"] == f"{OPARL}Person"
    assert (chair["name"], chair["givenName"], chair["familyName"]) == (
        "Andreas Svahn",
        "Andreas",
        "Svahn",
    )
    assert chair["party"] == "S"
    assert chair["body"] == f"{HOST}/api/v1/bodies/{world.board.body.pk}"
    [seat] = chair["membership"]
    assert seat["role"] == "Ordförande"
    assert seat["votingRight"] is True
    assert seat["startDate"] == "2019-01-01"
    assert "endDate" not in seat
    assert seat["organization"] == f"{HOST}/api/v1/organizations/{world.board.board.pk}"
    assert follow(client, seat["id"]) == seat
    substitute = Membership.objects.get(person=world.board["Dahl"])
    assert get_json(client, f"/api/v1/memberships/{substitute.pk}")["votingRight"] is False


def test_a_meeting_with_its_agenda_and_adjusted_minutes(world, client):
    meeting = world.board.meeting
    out = get_json(client, f"/api/v1/meetings/{meeting.pk}")
    assert out["type"] == f"{OPARL}Meeting"
    assert out["name"] == "Regionstyrelsen sammanträde 2020-08-26"
    assert out["start"] == "2020-08-26T09:30:00+02:00"
    assert out["end"] == "2020-08-26T12:00:00+02:00"
    assert out["location"] == "Hörsal L1, Örebro universitet"
    assert out["cancelled"] is False
    assert out["organization"] == [f"{HOST}/api/v1/organizations/{world.board.board.pk}"]
    assert out["web"] == f"{HOST}{reverse('publishing:meeting', args=[meeting.pk])}"
    item = out["agendaItem"][1]
    assert item["type"] == f"{OPARL}AgendaItem"
    assert (item["number"], item["order"], item["name"]) == ("2", 2, "Motion om gröna obligationer")
    assert follow(client, item["id"]) == item
    consultation = follow(client, item["consultation"])
    assert consultation["type"] == f"{OPARL}Consultation"
    assert consultation["agendaItem"] == item["id"]
    assert consultation["meeting"] == out["id"]
    assert consultation["status"] == "Beslutad"
    minutes = Minutes.objects.get(meeting=meeting)
    protocol = out["resultsProtocol"]
    assert protocol["type"] == f"{OPARL}File"
    assert protocol["mimeType"] == "application/pdf"
    assert protocol["date"] == minutes.adjusted_on.isoformat() == "2020-09-02"
    assert protocol["accessUrl"] == f"{HOST}{reverse('publishing:minutes_pdf', args=[meeting.pk])}"
    assert protocol["meeting"] == [out["id"]]
    assert follow(client, protocol["id"]) == protocol


def test_start_and_end_carry_the_swedish_offset_of_their_season(world, client):
    winter = meetings.meeting_create(
        actor=None,
        organization=world.board.board,
        date=datetime.date(2021, 1, 20),
        start_time=datetime.time(13, 0),
        place="Regionhuset",
    )
    out = get_json(client, f"/api/v1/meetings/{winter.pk}")
    assert out["start"] == "2021-01-20T13:00:00+01:00"
    assert "end" not in out
    assert out["agendaItem"] == []
    assert "resultsProtocol" not in out


def test_a_paper_with_its_public_file_and_consultations(world, client):
    case = world.public_document.case
    paper = get_json(client, f"/api/v1/papers/{case.pk}")
    assert paper["type"] == f"{OPARL}Paper"
    assert (paper["reference"], paper["name"], paper["date"]) == (
        "20RS7000",
        "Delårsrapport",
        "2020-08-01",
    )
    assert paper["paperType"] == "Allmänt ärende"
    assert paper["underDirectionOf"] == [f"{HOST}/api/v1/organizations/{world.board.board.pk}"]
    assert paper["web"] == f"{HOST}{reverse('publishing:case', args=[case.pk])}"
    # the world's other published files of the case, the masked one named with its phone masked
    assert [f["name"] for f in paper["auxiliaryFile"]] == [
        "Ansökan",
        "Synpunkten från boende, tfn [telefonnummer]",
    ]
    assert paper["auxiliaryFile"][0]["fileName"] == f"{case.number}-4.pdf"  # never the upload's
    file = paper["mainFile"]
    assert file == follow(client, file["id"])
    document = world.public_document
    url = f"{HOST}{reverse('publishing:document_file', args=[document.pk])}"
    assert file["type"] == f"{OPARL}File"
    assert file["name"] == PUBLIC_DOCUMENT
    assert file["accessUrl"] == file["downloadUrl"] == url
    assert file["mimeType"] == "application/pdf"
    assert file["size"] == document.size
    assert file["sha256Checksum"] == document.sha256
    assert file["date"] == "2020-08-10"
    assert file["paper"] == [paper["id"]]
    [consultation] = paper["consultation"]
    assert consultation["paper"] == paper["id"]
    assert follow(client, consultation["id"]) == consultation


def test_a_document_without_a_file_is_no_file(world, client):
    case = world.public_document.case
    paper_file = registry.document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=datetime.date(2020, 8, 12),
        description="Brev utan bilaga",
    )
    document_inspect.call(paper_file.pk)
    assert Document.objects.get(pk=paper_file.pk).publication.is_approved
    get_json(client, f"/api/v1/files/{paper_file.pk}", status=404)
    paper = get_json(client, f"/api/v1/papers/{case.pk}")
    names = [f["name"] for f in [paper["mainFile"], *paper["auxiliaryFile"]]]
    assert "Brev utan bilaga" not in names and names[0] == PUBLIC_DOCUMENT
