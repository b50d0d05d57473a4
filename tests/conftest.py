"""Shared fixtures. State is built through the services, as the application builds it."""

import datetime
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import transaction
from django.test.utils import override_settings

from kansli.core.models import User
from kansli.core.roles import Role, ensure_role_groups, grant_role
from kansli.core.security import services as security
from kansli.core.security import totp
from kansli.people import services as people
from kansli.people.models import Body, Organization, OrganizationKind, Person
from kansli.registry import services as registry
from kansli.registry.models import Series

from .clock import CLOCK
from .factories import UserFactory

TODAY = datetime.date(2020, 8, 26)


def pytest_configure(config):
    """Every test runs at one fixed instant, ticking (tests/clock.py): started here, before
    any test module is imported, so that module constants and module-wide data see it too."""
    CLOCK.start()


def pytest_unconfigure(config):
    CLOCK.stop()


@pytest.fixture(autouse=True)
def _real_clock_when_marked(request) -> Iterator[None]:
    """A test marked `real_clock` runs on the real clock: one whose other processes (a
    background worker, a command run as a process) compare their times with this one's,
    which the fixed clock does not reach. Autouse, so it comes before the test's data."""
    if request.node.get_closest_marker("real_clock") is None:
        yield
        return
    with CLOCK.paused():
        yield


def make_body() -> Body:
    return people.body_create(
        actor=None,
        name="Region Örebro län",
        short_name="Region Örebro",
        case_number_format="{YY}{SERIES}{N}",
        party_order="S,M,SD,C,V,KD,L,MP",
    )


def make_series(body: Body) -> Series:
    return registry.series_create(actor=None, body=body, code="RS", name="Regionstyrelsen")


@pytest.fixture
def body(db) -> Body:
    return make_body()


@pytest.fixture
def series(body) -> Series:
    return make_series(body)


@pytest.fixture
def board(body) -> Organization:
    return people.organization_create(
        actor=None, body=body, name="Regionstyrelsen", kind=OrganizationKind.BOARD
    )


def _user(username: str, *roles: Role) -> User:
    ensure_role_groups()
    user = UserFactory(username=username)
    for role in roles:
        grant_role(user, role)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def registrar(db) -> User:
    return _user("registrator", Role.REGISTRAR)


@pytest.fixture
def secretary(db) -> User:
    return _user("sekreterare", Role.SECRETARY)


@pytest.fixture
def archivist(db) -> User:
    return _user("arkivarie", Role.ARCHIVIST)


def with_totp(user: User) -> str:
    """Set up and confirm the user's authenticator app through the services, as every
    administrator must have; returns the secret (codes: kansli.core.security.totp.current_code).

    Confirmed with a code of an hour ago, so that every current code is still unused. A user
    with a confirmed device is logged in only after the second step, so `client.force_login`
    gives a session that has passed it."""
    secret = security.totp_setup_begin(actor=user, user=user).pending_secret
    an_hour_ago = time.time() - 3600
    security.totp_confirm(
        actor=user, user=user, code=totp.current_code(secret, an_hour_ago), for_time=an_hour_ago
    )
    return secret


@pytest.fixture
def administrator(db) -> User:
    """An administrator, with two-factor login set up (required for the role)."""
    user = _user("admin", Role.ADMINISTRATOR)
    with_totp(user)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def elected(db) -> User:
    return _user("ledamot", Role.ELECTED)


@pytest.fixture
def official_user(body) -> User:
    user = _user("handlaggare", Role.OFFICIAL)
    people.official_create(
        actor=None,
        body=body,
        name="Kristina Berglund",
        unit="Nämndadministration",
        title="Nämndsekreterare",
        user=user,
    )
    return User.objects.get(pk=user.pk)


@pytest.fixture
def other_official_user(body) -> User:
    user = _user("handlaggare2", Role.OFFICIAL)
    people.official_create(
        actor=None,
        body=body,
        name="Caroline Klefbom",
        unit="Staben Ekonomi",
        title="Finanscontroller",
        user=user,
    )
    return User.objects.get(pk=user.pk)


@pytest.fixture
def person(db) -> Person:
    party = people.party_create(actor=None, code="S", name="Socialdemokraterna")
    return people.person_create(actor=None, first_name="Andreas", last_name="Svahn", party=party)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test stores its uploads (and files waiting for import) in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KANSLI_IMPORT_DIR = tmp_path / "import"


@contextmanager
def rolled_back_for_module(django_db_blocker, media: Path) -> Iterator[None]:
    """Data built once for a test module, inside a transaction rolled back when the module is
    done: each test runs in a savepoint of it (as Django's TestCase runs its tests inside
    setUpTestData's transaction), so every test starts from the same data and no test sees
    another's changes. Files go to `media`, which each test gets a copy of (own_copy_of)."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def own_copy_of(media: Path, tmp_path: Path, settings) -> None:
    """The test's own copy of the shared data's files (well under a megabyte), so a test that
    deletes or replaces one changes no other test."""
    copy = tmp_path / "shared-media"
    shutil.copytree(media, copy)
    settings.MEDIA_ROOT = copy


@pytest.fixture(scope="module")
def _shared_demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Path]:
    """The demo, loaded once for a test module (rolled_back_for_module)."""
    from kansli.demo.loader import demo_load

    media = tmp_path_factory.mktemp("demo-media")
    with rolled_back_for_module(django_db_blocker, media):
        demo_load()
        yield media


@pytest.fixture
def demo_data(_shared_demo, db, settings, tmp_path) -> None:
    """The demo data, as `demo_load()` leaves it, for a test that changes the database only in
    its own transaction (not for transactional or live-server tests: see
    pytest_collection_modifyitems)."""
    own_copy_of(_shared_demo, tmp_path, settings)


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server", "page"} & set(item.fixturenames))


def _shared_modules_without_transactional_tests(items) -> None:
    """A module that builds its data once (a `_shared_…` fixture: demo_data, the publishing
    world) holds its transaction open until its last test, so a transactional test in the same
    module would run inside it: refused."""
    by_module: dict[str, list] = {}
    for item in items:
        by_module.setdefault(item.nodeid.split("::")[0], []).append(item)
    for module, module_items in by_module.items():
        if any(name.startswith("_shared_") for i in module_items for name in i.fixturenames):
            mixed = [i.nodeid for i in module_items if _transactional(i)]
            if mixed:
                raise pytest.UsageError(
                    f"{module} shares data between its tests and has transactional tests "
                    f"({mixed[0]}); "
                    "move those to a module of their own."
                )


def pytest_collection_modifyitems(config, items):
    """On SQLite the tests whose worker processes share the test database need it in a file
    (KANSLI_TEST_SQLITE_FILE=1, as scripts/run-tests.sh runs them); without it they are
    skipped, saying so. Modules that share one demo load hold no transactional tests."""
    from django.conf import settings

    _shared_modules_without_transactional_tests(items)

    database = settings.DATABASES["default"]
    in_memory = database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME")
    if not in_memory:
        return
    skip = pytest.mark.skip(reason="delad SQLite-databas: körs med KANSLI_TEST_SQLITE_FILE=1")
    for item in items:
        if item.get_closest_marker("shared_database"):
            item.add_marker(skip)
