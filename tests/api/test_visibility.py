"""Nothing secret or non-public leaks: everything the public can reach by following the
API's links is free of the world's secret markers; the objects behind them are 404, like
objects that do not exist; members see the non-public items, never a secret title they may
not see."""

import json

from django.test import Client

from kansli.meetings.models import AgendaItem, CaseStep
from kansli.registry.models import Case
from kansli.registry.selectors import SECRET_TITLE

from ..publishing.world import (
    DRAFT_MINUTES,
    NON_PUBLIC_ITEM,
    PRIVATE_PHONE,
    PUBLIC_DOCUMENT,
    SECRET_CASE,
    SECRET_MARKERS,
    register,
)
from .conftest import (
    SECRET_CASE_DOCUMENT,
    crawl,
    document_in_secret_case,
    get_json,
    shared_api_world,
)

# The world, built once for this module; `body` and `series` are the world's.
_shared_data, body, series, world = shared_api_world()


def test_nothing_the_public_can_reach_holds_a_secret(world, client):
    seen = crawl(client)
    assert len(seen) > 40  # the crawl reached every kind of object
    everything = json.dumps(seen, ensure_ascii=False)
    for marker in (*SECRET_MARKERS, SECRET_CASE_DOCUMENT, SECRET_TITLE):
        assert marker not in everything, marker
    assert PUBLIC_DOCUMENT in everything
    kinds = {value.get("type") for value in seen.values() if isinstance(value, dict)}
    assert {
        f"https://schema.oparl.org/1.1/{name}"
        for name in (
            "System",
            "Body",
            "Organization",
            "Person",
            "Membership",
            "Meeting",
            "AgendaItem",
            "Paper",
            "Consultation",
            "File",
            "LegislativeTerm",
        )
    } <= kinds


def _hidden_objects(world) -> list[str]:
    item = AgendaItem.objects.get(title=NON_PUBLIC_ITEM)
    secret_case = Case.objects.get(title=SECRET_CASE)
    paths = [
        f"/api/v1/agenda-items/{item.pk}",
        f"/api/v1/papers/{secret_case.pk}",
        f"/api/v1/files/{world.secret_document.pk}",
        f"/api/v1/files/{world.internal_document.pk}",
        f"/api/v1/files/{world.unreviewed_document.pk}",
        f"/api/v1/files/{document_in_secret_case(world).pk}",
        f"/api/v1/meetings/{world.draft_meeting_pk}/results-protocol",
    ]
    paths += [f"/api/v1/consultations/{s.pk}" for s in CaseStep.objects.filter(case=secret_case)]
    return paths


def test_what_the_public_may_not_see_is_404_like_what_does_not_exist(world, client):
    missing = get_json(client, "/api/v1/papers/999999", status=404)
    for path in _hidden_objects(world):
        assert get_json(client, path, status=404) == missing, path


def test_the_public_agenda_holds_public_items_only(world, client):
    meeting = get_json(client, f"/api/v1/meetings/{world.board.meeting.pk}")
    names = [item["name"] for item in meeting["agendaItem"]]
    assert names == [
        "Protokollsjustering",
        "Motion om gröna obligationer",
        "Delårsrapport",
        "Information om bullerklagomål, kontakt [telefonnummer]",
    ]
    assert all(item["public"] for item in meeting["agendaItem"])


def test_draft_minutes_are_never_a_results_protocol_not_even_for_members(world, client):
    client.force_login(world.board.login("Svahn"))
    draft = get_json(client, f"/api/v1/meetings/{world.draft_meeting_pk}")
    assert "resultsProtocol" not in draft
    get_json(client, f"/api/v1/meetings/{world.draft_meeting_pk}/results-protocol", status=404)
    assert DRAFT_MINUTES not in json.dumps(crawl(client), ensure_ascii=False)


def test_an_elected_member_sees_the_non_public_item_but_not_the_secret_title(world, client):
    client.force_login(world.board.login("Svahn"))
    meeting = get_json(client, f"/api/v1/meetings/{world.board.meeting.pk}")
    item = next(i for i in meeting["agendaItem"] if i["name"] == NON_PUBLIC_ITEM)
    assert item["public"] is False
    consultation = get_json(client, item["consultation"].removeprefix("http://testserver"))
    paper = get_json(client, consultation["paper"].removeprefix("http://testserver"))
    assert paper["name"] == SECRET_TITLE
    assert SECRET_CASE not in json.dumps(crawl(client), ensure_ascii=False)
    get_json(client, f"/api/v1/files/{world.internal_document.pk}")
    get_json(client, f"/api/v1/files/{world.secret_document.pk}", status=404)


def test_the_registry_sees_the_secret_case_by_its_title(world, registrar):
    client = Client()
    client.force_login(registrar)
    secret_case = Case.objects.get(title=SECRET_CASE)
    assert get_json(client, f"/api/v1/papers/{secret_case.pk}")["name"] == SECRET_CASE


def test_a_member_logged_out_again_is_the_public(world, client):
    client.force_login(world.board.login("Svahn"))
    client.logout()
    for path in _hidden_objects(world):
        get_json(client, path, status=404)


def test_a_file_is_named_with_personal_data_masked_as_on_the_portal(world, client):
    report = world.public_document.case
    document = register(
        report, f"Skrivelse från en granne, tel. {PRIVATE_PHONE}", text="En skrivelse."
    )
    out = get_json(client, f"/api/v1/files/{document.pk}")
    assert out["name"].startswith("Skrivelse från en granne, tel. ")
    assert PRIVATE_PHONE not in json.dumps(out, ensure_ascii=False)
