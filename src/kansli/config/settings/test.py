"""The test suite. KANSLI_TEST_DATABASE_URL selects PostgreSQL; otherwise SQLite."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import database_config, env

_url = env("KANSLI_TEST_DATABASE_URL")
DATABASES = {"default": database_config(_url or "sqlite:///:memory:")}
if _url:
    # KANSLI_TEST_DATABASE_NAME lets two runs share one server without sharing a database.
    DATABASES["default"]["TEST"] = {"NAME": env("KANSLI_TEST_DATABASE_NAME", "test_kansli")}
# SQLite: Django's in-memory test database, shared between threads (the live server).

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kansli-test-media-"))
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
