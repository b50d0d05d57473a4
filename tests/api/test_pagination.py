"""Lists are paged the OParl way, and the meetings can be filtered."""

import datetime

import pytest

from kansli.meetings import services as meetings
from kansli.people import services as people
from kansli.people.models import OrganizationKind

from .conftest import HOST, get_json


@pytest.fixture
def seven_organizations(body):
    for n in range(7):
        people.organization_create(
            actor=None, body=body, name=f"Nämnd {n}", kind=OrganizationKind.COMMITTEE
        )
    return f"/api/v1/bodies/{body.pk}/organizations"


def test_pages_and_their_links(seven_organizations, client):
    url = seven_organizations
    first = get_json(client, f"{url}?limit=3")
    assert first["pagination"] == {
        "totalElements": 7,
        "elementsPerPage": 3,
        "currentPage": 1,
        "totalPages": 3,
    }
    assert first["links"] == {
        "first": f"{HOST}{url}?limit=3&page=1",
        "next": f"{HOST}{url}?limit=3&page=2",
        "last": f"{HOST}{url}?limit=3&page=3",
    }
    names = [o["name"] for o in first["data"]]
    page = first
    while "next" in page["links"]:
        page = get_json(client, page["links"]["next"].removeprefix(HOST))
        names += [o["name"] for o in page["data"]]
    assert sorted(names) == [f"Nämnd {n}" for n in range(7)]
    assert page["pagination"]["currentPage"] == 3
    assert len(page["data"]) == 1
    assert page["links"]["prev"] == f"{HOST}{url}?limit=3&page=2"
    assert "next" not in page["links"]


def test_a_page_beyond_the_last_is_empty_and_points_back(seven_organizations, client):
    beyond = get_json(client, f"{seven_organizations}?limit=3&page=9")
    assert beyond["data"] == []
    assert beyond["links"]["prev"] == f"{HOST}{seven_organizations}?limit=3&page=3"
    assert "next" not in beyond["links"]


def test_the_default_page_holds_fifty(body, client):
    for n in range(51):
        people.organization_create(
            actor=None, body=body, name=f"Råd {n:02}", kind=OrganizationKind.ADVISORY_COUNCIL
        )
    page = get_json(client, f"/api/v1/bodies/{body.pk}/organizations")
    assert len(page["data"]) == 50
    assert page["pagination"]["totalPages"] == 2
    assert len(get_json(client, f"/api/v1/bodies/{body.pk}/organizations?limit=200")["data"]) == 51


def test_an_empty_list_has_one_empty_page(body, client):
    empty = get_json(client, f"/api/v1/bodies/{body.pk}/meetings")
    assert empty["data"] == []
    assert empty["pagination"]["totalPages"] == 1
    assert empty["links"]["first"] == empty["links"]["last"]


def test_meetings_filtered_by_date_and_organization_keep_the_filter_in_links(world, client):
    board = world.board.board
    for day in (1, 8, 15):
        meetings.meeting_create(
            actor=None,
            organization=board,
            date=datetime.date(2020, 10, day),
            start_time=datetime.time(9, 0),
            place="Regionhuset",
        )
    url = f"/api/v1/bodies/{board.body_id}/meetings"

    def starts(query: str) -> list[str]:
        return [m["start"][:10] for m in get_json(client, f"{url}?{query}")["data"]]

    assert starts("start_from=2020-10-01&start_to=2020-10-08") == ["2020-10-08", "2020-10-01"]
    assert starts("start_from=2020-09-30") == [
        "2020-10-15",
        "2020-10-08",
        "2020-10-01",
        "2020-09-30",
    ]
    assert starts("start_to=2020-08-26") == ["2020-08-26"]
    assert starts(f"organization={world.board.council.pk}") == []
    page = get_json(client, f"{url}?organization={board.pk}&start_from=2020-10-01&limit=2")
    assert page["links"]["next"] == (
        f"{HOST}{url}?organization={board.pk}&start_from=2020-10-01&limit=2&page=2"
    )
