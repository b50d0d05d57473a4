"""The test suite. KANSLI_TEST_DATABASE_URL selects PostgreSQL; otherwise SQLite."""

import os
import sys
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import database_config, env

_url = env("KANSLI_TEST_DATABASE_URL")
DATABASES = {"default": database_config(_url or "sqlite:///:memory:")}
if _url:
    # KANSLI_TEST_DATABASE_NAME lets two runs share one server without sharing a database.
    DATABASES["default"]["TEST"] = {"NAME": env("KANSLI_TEST_DATABASE_NAME", "test_kansli")}
elif env("KANSLI_TEST_SQLITE_FILE"):
    # SQLite in a file on tmpfs where there is one (as fast as memory), so that a worker
    # started by a test as a process of its own works in the same database (the tests marked
    # shared_database). scripts/run-tests.sh runs the whole SQLite pass so; without the
    # variable, Django's in-memory database, where those tests are skipped. The browser tests
    # run on PostgreSQL only: with a file, their live server's teardown crashed Python 3.11's
    # sqlite3 now and then (a connection closed while another thread still used it).
    _shm = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 (mkdtemp: 0700)
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.mkdtemp(prefix="kansli-test-db-", dir=_shm)) / "test.sqlite3")
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A process started by a test (a worker) is given the test's own directory.
MEDIA_ROOT = Path(env("KANSLI_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="kansli-test-media-"))
KANSLI_IMPORT_DIR = Path(tempfile.mkdtemp(prefix="kansli-test-import-"))
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests change the database behind the services; the cache has its own tests.
KANSLI_PUBLIC_CACHE = False
# Test transactions never commit, so the counter the fragments are keyed by never moves.
KANSLI_FRAGMENT_CACHE = False

# A module that exists only here (tests/extension_app): it registers one entry at each
# extension point from its own folder (decision 0018). The repository's root is put on the
# path so that `tests` imports in every process that reads these settings (mypy's plugin,
# `python -m kansli`, a worker started by a test).
_repository = Path(__file__).resolve().parents[4]
if (_repository / "tests" / "extension_app").is_dir() and str(_repository) not in sys.path:
    sys.path.insert(0, str(_repository))
INSTALLED_APPS = [*INSTALLED_APPS, "tests.extension_app"]  # noqa: F405
ROOT_URLCONF = "tests.extension_app.root_urls"
