"""The production settings: HTTPS throughout, adjustable from the environment, and no start
without a secret key."""

import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

MODULE = "kansli.config.settings.production"
BASE = "kansli.config.settings.base"
REQUIRED = {
    "KANSLI_SECRET_KEY": "x" * 60,
    "KANSLI_DATABASE_URL": "postgres://kansli@db.example.se:5432/kansli",
}
OPTIONAL = [
    "KANSLI_SECURE_COOKIES",
    "KANSLI_SSL_REDIRECT",
    "KANSLI_HSTS_SECONDS",
    "KANSLI_HSTS_INCLUDE_SUBDOMAINS",
    "KANSLI_HSTS_PRELOAD",
    "KANSLI_BEHIND_PROXY",
]


def production(monkeypatch, **env):
    """Import the production settings, and the base settings they read, afresh with this
    environment (as a new process would); the modules already loaded are put back after."""
    for name in OPTIONAL:
        monkeypatch.delenv(name, raising=False)
    for name, value in {**REQUIRED, **env}.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, MODULE, raising=False)
    monkeypatch.delitem(sys.modules, BASE, raising=False)
    try:
        return importlib.import_module(MODULE)
    finally:
        sys.modules.pop(MODULE, None)
        sys.modules.pop(BASE, None)


def test_defaults_are_https_throughout(monkeypatch):
    settings = production(monkeypatch)
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SECURE_SSL_REDIRECT is True
    assert settings.SECURE_HSTS_SECONDS == 31536000
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS is False
    assert settings.SECRET_KEY == "x" * 60
    # X-Forwarded-Proto is trusted only behind a proxy that sets it
    assert not hasattr(settings, "SECURE_PROXY_SSL_HEADER")
    assert "kansli.core.security.csp.SecurityHeadersMiddleware" in settings.MIDDLEWARE
    assert "kansli.core.security.gate.TwoFactorGateMiddleware" in settings.MIDDLEWARE


def test_behind_a_proxy(monkeypatch):
    settings = production(monkeypatch, KANSLI_BEHIND_PROXY="1")
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert settings.KANSLI_BEHIND_PROXY is True


def test_adjustable_from_the_environment(monkeypatch):
    settings = production(
        monkeypatch,
        KANSLI_HSTS_SECONDS="3600",
        KANSLI_SSL_REDIRECT="0",
        KANSLI_HSTS_INCLUDE_SUBDOMAINS="1",
    )
    assert settings.SECURE_HSTS_SECONDS == 3600
    assert settings.SECURE_SSL_REDIRECT is False
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    plain = production(monkeypatch, KANSLI_SECURE_COOKIES="0")
    assert plain.SESSION_COOKIE_SECURE is False and plain.SECURE_HSTS_SECONDS == 0


def test_refuses_to_start_without_a_secret_key(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="KANSLI_SECRET_KEY"):
        production(monkeypatch, KANSLI_SECRET_KEY=None)
    with pytest.raises(ImproperlyConfigured, match="KANSLI_DATABASE_URL"):
        production(monkeypatch, KANSLI_DATABASE_URL=None)


def test_samesite_lax_everywhere():
    from django.conf import settings

    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
