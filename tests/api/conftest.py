"""The world of tests/publishing/world.py (public and non-public things side by side, each
with a marker word), plus what the API adds: a term of office and a public document in
the secret case."""

import datetime
import json
from typing import Any

import pytest
from django.test import Client

from kansli.people import services as people
from kansli.people.models import Body
from kansli.registry.models import Document, Visibility

from ..publishing.world import World, build, register, shared_world_fixtures

SECRET_CASE_DOCUMENT = "Hemlighetsbilagan"


def _for_the_api(world: World, body: Body) -> None:
    people.term_create(
        actor=None,
        body=body,
        name="2019–2022",
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2022, 12, 31),
    )
    secret_case = world.board.meeting.items.get(case__secrecy__gt="").case
    register(secret_case, SECRET_CASE_DOCUMENT, visibility=Visibility.PUBLIC)


@pytest.fixture
def world(body, series) -> World:
    built = build(body, series)
    _for_the_api(built, body)
    return built


def shared_api_world() -> tuple:
    """The API's world built once for a test module (publishing.world.shared_world_fixtures):
    `_shared_data, body, series, world = shared_api_world()` in the module."""
    return shared_world_fixtures(_for_the_api)


def get_json(client: Client, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def document_in_secret_case(world: World) -> Document:
    return Document.objects.get(description=SECRET_CASE_DOCUMENT)


HOST = "http://testserver"


def _urls(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [url for v in value.values() for url in _urls(v)]
    if isinstance(value, list):
        return [url for v in value for url in _urls(v)]
    if isinstance(value, str) and value.startswith(f"{HOST}/api/v1/"):
        return [value]
    return []


def crawl(client: Client, start: str = "/api/v1/system") -> dict[str, Any]:
    """Every API response reachable from `start` by following the links in the JSON."""
    seen: dict[str, Any] = {}
    queue = [start]
    while queue:
        path = queue.pop().removeprefix(HOST)
        if path in seen:
            continue
        seen[path] = get_json(client, path)
        queue.extend(url for url in _urls(seen[path]) if url.removeprefix(HOST) not in seen)
    return seen
