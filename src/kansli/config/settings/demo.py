"""The demo as `make run` serves it: production's settings on SQLite under var/, over plain http.

What differs from production.py: a demo secret key is accepted, the database is always SQLite
under KANSLI_VAR_DIR (KANSLI_DATABASE_URL is ignored), no redirect to https, no secure-only
cookies or HSTS (it serves http://127.0.0.1:8000), and dispatched e-mail is kept as files.
Everything else is as in production: DEBUG off, gunicorn, static files collected into
var/static (KANSLI_STATIC_ROOT) and served by whitenoise.
"""

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import database_config, env

DEBUG = False
# KANSLI_ALLOWED_HOSTS (base), the loopback names, and the address make run serves on.
ALLOWED_HOSTS = list(
    dict.fromkeys([*ALLOWED_HOSTS, "127.0.0.1", "localhost", *filter(None, [env("KANSLI_HOST")])])  # noqa: F405
)

DATABASES = {"default": database_config(f"sqlite:///{VAR_DIR / 'kansli.sqlite3'}")}

STATIC_ROOT = env("KANSLI_STATIC_ROOT", str(VAR_DIR / "static"))
# Served from STATIC_ROOT only (as in production), under content-hashed names that whitenoise
# marks immutable for a year. Not precompressed: on the loopback interface gzip/brotli save
# nothing, and compressing ~1 000 files costs about a minute of CPU at every collectstatic.
WHITENOISE_USE_FINDERS = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

EMAIL_BACKEND = env("KANSLI_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
