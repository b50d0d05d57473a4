"""The settings `make run` serves with: production's, on SQLite under the var dir, over http."""

import importlib
import sys

MODULE = "kansli.config.settings.demo"
BASE = "kansli.config.settings.base"


def demo(monkeypatch, tmp_path, **env):
    monkeypatch.setenv("KANSLI_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("KANSLI_STATIC_ROOT", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, MODULE, raising=False)
    monkeypatch.delitem(sys.modules, BASE, raising=False)
    try:
        return importlib.import_module(MODULE)
    finally:
        sys.modules.pop(MODULE, None)
        sys.modules.pop(BASE, None)


def test_demo_settings(monkeypatch, tmp_path):
    settings = demo(
        monkeypatch,
        tmp_path,
        KANSLI_HOST="demo.example.se",
        KANSLI_DATABASE_URL="postgres://kansli@db.example.se/kansli",
    )
    assert settings.DEBUG is False
    assert settings.ALLOWED_HOSTS[-1] == "demo.example.se"
    assert {"127.0.0.1", "localhost"} <= set(settings.ALLOWED_HOSTS)
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "kansli.sqlite3")
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert str(tmp_path / "static") == settings.STATIC_ROOT
    assert settings.WHITENOISE_USE_FINDERS is False
    assert "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"]
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
    # Plain http on the loopback interface: no redirect, no secure-only cookies, no HSTS.
    assert settings.SECURE_SSL_REDIRECT is False
    assert settings.SESSION_COOKIE_SECURE is False and settings.CSRF_COOKIE_SECURE is False
    assert settings.SECURE_HSTS_SECONDS == 0
