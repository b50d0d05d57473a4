"""A list page costs the same number of queries whatever it holds: what its objects link to
is fetched for the whole page at once."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kansli.meetings import services as meetings
from kansli.registry import services as registry

from ..publishing.world import register
from .conftest import get_json, shared_api_world

# The world, built once for this module; `body` and `series` are the world's.
_shared_data, body, series, world = shared_api_world()


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        get_json(client, path)
    return len(captured)


def test_list_pages_do_not_query_per_object(world, client, series):
    body = world.board.body
    lists = [f"/api/v1/bodies/{body.pk}/{name}" for name in ("meetings", "papers", "persons")]
    lists.append(f"/api/v1/bodies/{body.pk}/organizations")
    before = [queries(client, path) for path in lists]
    for n in range(3):
        meeting = meetings.meeting_create(
            actor=None,
            organization=world.board.board,
            date=datetime.date(2020, 11, 2 + n),
            start_time=datetime.time(9, 0),
            place="Regionhuset",
        )
        case = registry.case_register(
            actor=None,
            body=body,
            series=series,
            title=f"Ärende {n}",
            organization=world.board.board,
            registered_on=datetime.date(2020, 10, 1),
        )
        meetings.agenda_item_add(actor=None, meeting=meeting, title=f"Punkt {n}", case=case)
        register(case, f"Handling {n}")
    assert [queries(client, path) for path in lists] == before
