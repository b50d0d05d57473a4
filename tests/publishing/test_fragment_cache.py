"""The meeting pages' and search's cached content: shown again until anything is written,
changed at once by a write, and never shown to a viewer who may not see it."""

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.urls import reverse

from kansli.core.models import User
from kansli.meetings import services as meetings
from kansli.publishing import services
from kansli.publishing.models import Publication

from .world import NON_PUBLIC_ITEM, SECRET_CASE, UNREVIEWED_DOCUMENT, shared_world_fixtures

pytestmark = pytest.mark.django_db
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def fragments(settings):
    settings.KANSLI_FRAGMENT_CACHE = True
    caches["fragments"].clear()  # each test starts from an empty cache
    yield
    caches["fragments"].clear()


# The world, built once for this module; `body` and `series` are the world's.
_shared_data, body, series, world = shared_world_fixtures()


def _get(client, url: str) -> tuple[str, int]:
    """The page (status 200; CSRF tokens, masked anew for each response, left out) and how
    many queries it took."""
    count = 0

    def counting(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        response = client.get(url)
    assert response.status_code == 200
    return CSRF.sub("", response.content.decode()), count


def _as(client, user: User | None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def test_a_meeting_page_is_cached_and_changed_at_once_by_a_write(
    client, world, fragments, django_capture_on_commit_callbacks
):
    meeting = meetings.meeting_create(
        actor=None,
        organization=world.board.board,
        date=datetime.date(2020, 10, 28),
        start_time=datetime.time(9, 0),
        place="Regionhuset",
    )
    public_url = reverse("publishing:meeting", args=[meeting.pk])
    member_url = reverse("meetings:meeting_detail", args=[meeting.pk])
    member = world.board.login("Svahn")
    first_public, _ = _get(_as(client, None), public_url)
    again_public, queries = _get(client, public_url)
    assert again_public == first_public
    assert queries == 1  # only the count of committed writes: the content came from the cache
    first_member, _ = _get(_as(client, member), member_url)
    assert _get(client, member_url)[0] == first_member
    assert "Tågtrafiken i länet" not in first_public + first_member

    with django_capture_on_commit_callbacks(execute=True):
        meetings.agenda_item_add(actor=None, meeting=meeting, title="Tågtrafiken i länet")
    assert "Tågtrafiken i länet" in _get(client, member_url)[0]
    assert "Tågtrafiken i länet" in _get(_as(client, None), public_url)[0]


def test_the_public_never_gets_a_members_content_nor_members_a_public_one(client, world, fragments):
    url = reverse("publishing:meeting", args=[world.board.meeting.pk])
    member = world.board.login("Svahn")
    member_page, _ = _get(_as(client, member), url)
    assert NON_PUBLIC_ITEM in member_page
    public_page, _ = _get(_as(client, None), url)
    assert NON_PUBLIC_ITEM not in public_page
    # a logged-in user without a role is shown what the public is
    nobody = User.objects.create_user("utan-roll", password="x")
    assert NON_PUBLIC_ITEM not in _get(_as(client, nobody), url)[0]
    assert NON_PUBLIC_ITEM in _get(_as(client, member), url)[0]


def test_staff_pages_are_never_shared_with_members(client, world, fragments, secretary, registrar):
    url = reverse("meetings:meeting_detail", args=[world.board.meeting.pk])
    meeting = meetings.meeting_create(
        actor=None,
        organization=world.board.board,
        date=datetime.date(2020, 10, 28),
        start_time=datetime.time(9, 0),
        place="Regionhuset",
    )
    case = world.public_document.case
    meetings.agenda_item_add(actor=None, meeting=meeting, title="Delårsrapporten", case=case)
    open_url = reverse("meetings:meeting_detail", args=[meeting.pk])
    staff_page = _as(client, secretary).get(open_url).content.decode()
    assert "Lägg till punkt" in staff_page and "Skriv föredragnings-PM" in staff_page
    tokens = CSRF.findall(staff_page)
    member = world.board.login("Svahn")
    member_page = _as(client, member).get(open_url).content.decode()
    assert "Delårsrapporten" in member_page
    assert "Lägg till punkt" not in member_page and "Skriv föredragnings-PM" not in member_page
    assert not set(tokens) & set(CSRF.findall(member_page))
    assert member_page.count("csrfmiddlewaretoken") == 1  # their own, to log out
    # the registry sees the secret case's memo; a member, after it, does not
    registrar_page, _ = _get(_as(client, registrar), url)
    other = world.board.login("Karlsson")
    member_page, _ = _get(_as(client, other), url)
    assert NON_PUBLIC_ITEM in member_page and SECRET_CASE not in member_page
    assert member_page.count("Föredragnings-PM:") <= registrar_page.count("Föredragnings-PM:")
    # a logged-in user without a role is shown only the public items
    nobody = User.objects.create_user("utan-roll", password="x")
    assert NON_PUBLIC_ITEM not in _get(_as(client, nobody), url)[0]


def test_search_is_cached_and_a_publication_is_found_at_once(
    client, world, fragments, registrar, django_capture_on_commit_callbacks
):
    url = reverse("search:search") + f"?q={UNREVIEWED_DOCUMENT}"
    first, _ = _get(client, url)
    assert "Inga träffar" in first
    again, queries = _get(client, url)
    assert again == first and queries == 1
    publication = Publication.objects.get(document=world.unreviewed_document)
    with django_capture_on_commit_callbacks(execute=True):
        services.publication_approve(actor=registrar, publication=publication)
    after, _ = _get(client, url)
    assert "Inga träffar" not in after and "1 träff" in after


def test_a_failed_search_is_never_kept(client, world, fragments, settings):
    settings.KANSLI_PUBLIC_CACHE = True
    caches["public"].clear()
    url = reverse("search:search") + f"?q={world.public_document.description}"
    renamed = (
        ("search_fts", "search_fts_away")
        if connection.vendor == "sqlite"
        else ("search_searchentry", "search_searchentry_away")
    )
    with connection.cursor() as cursor:  # inside the test's transaction: undone after it
        cursor.execute(f"ALTER TABLE {renamed[0]} RENAME TO {renamed[1]}")
    failed = client.get(url)
    assert "kunde inte genomföras" in failed.content.decode()
    assert failed["Cache-Control"] == "no-store" and "X-Kansli-Cache" not in failed
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {renamed[1]} RENAME TO {renamed[0]}")
    again = client.get(url).content.decode()
    assert "kunde inte genomföras" not in again and "1 träff" in again
    caches["public"].clear()
