"""Malformed parameters and unknown objects get a JSON answer in Swedish, never a 500."""

import pytest

from .conftest import get_json


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/v1/bodies?page=0", 422, "page måste vara minst 1"),
        ("/api/v1/bodies?page=abc", 422, "page måste vara ett heltal"),
        ("/api/v1/bodies?page=1.5", 422, "page måste vara ett heltal"),
        ("/api/v1/bodies?page=99999999999999999999", 422, "page får vara högst 1000000"),
        ("/api/v1/bodies?limit=10000", 422, "limit får vara högst 200"),
        ("/api/v1/bodies?limit=0", 422, "limit måste vara minst 1"),
        ("/api/v1/bodies?limit=", 422, "limit måste vara ett heltal"),
        ("/api/v1/bodies/{body}/meetings?start_from=2020-13-45", 422, "ÅÅÅÅ-MM-DD"),
        ("/api/v1/bodies/{body}/meetings?start_to=26/8/2020", 422, "ÅÅÅÅ-MM-DD"),
        ("/api/v1/bodies/{body}/meetings?start_to=0", 422, "ÅÅÅÅ-MM-DD"),
        ("/api/v1/bodies/{body}/meetings?organization=x", 422, "organization måste vara"),
        (
            "/api/v1/bodies/{body}/meetings?start_from=2020-02-01&start_to=2020-01-01",
            400,
            "start_from kan inte vara senare än start_to",
        ),
        ("/api/v1/meetings/abc", 422, "id måste vara ett heltal"),
        ("/api/v1/meetings/0", 422, "id måste vara minst 1"),
        ("/api/v1/meetings/-4", 422, "id måste vara minst 1"),
        ("/api/v1/meetings/99999999999999999999", 422, "id får vara högst"),
        ("/api/v1/meetings/9223372036854775807", 404, "Det finns inget sådant objekt"),
        ("/api/v1/papers/123456", 404, "Det finns inget sådant objekt"),
        ("/api/v1/meetings/1/", 404, "Adressen finns inte i API:et"),
        ("/api/v1/meetings/1%2F2", 404, "Adressen finns inte i API:et"),
        ("/api/", 404, "/api/v1/system"),
        ("/api/v2/system", 404, "/api/v1/system"),
    ],
)
def test_bad_requests_get_a_swedish_json_message(body, client, path, status, words):
    answer = get_json(client, path.format(body=body.pk), status=status)
    assert words in answer["detail"]


def test_each_bad_parameter_is_named(body, client):
    answer = get_json(client, "/api/v1/bodies?page=0&limit=x", status=422)
    assert answer["detail"] == (
        "Ogiltiga parametrar: page måste vara minst 1; limit måste vara ett heltal."
    )
    assert answer["errors"] == [
        {"parameter": "page", "message": "måste vara minst 1"},
        {"parameter": "limit", "message": "måste vara ett heltal"},
    ]


def test_the_root_leads_to_the_system(client):
    response = client.get("/api/v1/")
    assert response.status_code == 302
    assert response["Location"] == "/api/v1/system"


def test_writing_is_not_allowed(body, client):
    response = client.post(f"/api/v1/bodies/{body.pk}", {})
    assert response.status_code == 405
