"""The public's page cache: served again until anything is written, never for a member."""

import pytest
from django.core.cache import caches

from kansli.publishing import services
from kansli.publishing.models import Publication

from .world import UNREVIEWED_DOCUMENT, shared_world_fixtures

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.KANSLI_PUBLIC_CACHE = True
    settings.KANSLI_PUBLIC_CACHE_SECONDS = 0  # read the version on every request
    caches["public"].clear()  # each test starts from an empty cache
    yield
    caches["public"].clear()


# The world, built once for this module; `body` and `series` are the world's.
_shared_data, body, series, world = shared_world_fixtures()


def test_a_public_page_is_cached_until_a_service_writes(
    client, world, cached, registrar, django_capture_on_commit_callbacks
):
    case = world.unreviewed_document.case
    url = f"/insyn/arenden/{case.pk}/"
    first = client.get(url)
    assert first["X-Kansli-Cache"] == "miss"
    assert UNREVIEWED_DOCUMENT not in first.content.decode()
    again = client.get(url)
    assert again["X-Kansli-Cache"] == "hit" and again.content == first.content
    assert "Content-Security-Policy" in again  # headers are added to cached pages too

    publication = Publication.objects.get(document=world.unreviewed_document)
    with django_capture_on_commit_callbacks(execute=True):
        services.publication_approve(actor=registrar, publication=publication)
    after = client.get(url)
    assert after["X-Kansli-Cache"] == "miss"
    assert UNREVIEWED_DOCUMENT in after.content.decode()


def test_a_members_page_is_never_stored_or_served_from_the_cache(client, world, cached):
    url = f"/insyn/sammantraden/{world.board.meeting.pk}/"
    client.force_login(world.board.login("Svahn"))
    member_page = client.get(url)
    assert "X-Kansli-Cache" not in member_page
    client.logout()
    public_page = client.get(url)
    assert public_page["X-Kansli-Cache"] == "miss"
    assert "Personalärendet" in member_page.content.decode()
    assert "Personalärendet" not in public_page.content.decode()


def test_requests_with_a_session_and_errors_are_not_cached(client, world, cached):
    url = f"/insyn/sammantraden/{world.board.meeting.pk}/"
    client.cookies["sessionid"] = "whatever"
    assert "X-Kansli-Cache" not in client.get(url)
    del client.cookies["sessionid"]
    assert client.get(url)["X-Kansli-Cache"] == "miss"
    assert "X-Kansli-Cache" not in client.get("/insyn/arenden/999999/")
    assert "X-Kansli-Cache" not in client.get("/insyn/arenden/999999/")


def test_the_version_counts_committed_writes_only(
    world, registrar, django_capture_on_commit_callbacks
):
    from kansli.core.audit import committed_changes

    before = committed_changes()
    publication = Publication.objects.get(document=world.unreviewed_document)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.publication_approve(actor=registrar, publication=publication)
    assert committed_changes() == before  # not yet committed
    for callback in callbacks:
        callback()
    assert committed_changes() > before
