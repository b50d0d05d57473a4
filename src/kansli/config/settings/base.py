"""Settings shared by every environment. Everything variable comes from KANSLI_* variables."""

from pathlib import Path

import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

from .env import PROJECT_DIR, database_config, env, env_bool, env_float, env_int, var_dir

# Django's generic classes subscriptable at run time as the type annotations write them
# (admin.ModelAdmin[Body], forms.ModelChoiceField[Person]); django-tasks does the same.
django_stubs_ext.monkeypatch()

BASE_DIR = PROJECT_DIR
VAR_DIR = var_dir()

SECRET_KEY = env("KANSLI_SECRET_KEY", "kansli-demo-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = [h for h in env("KANSLI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    # Before django_tasks_db: kansli.core's db_worker (with task leases) replaces its own.
    "kansli.core",
    "django_tasks_db",
    "kansli.people",
    "kansli.registry",
    "kansli.memos",
    "kansli.meetings",
    "kansli.minutes",
    "kansli.publishing",
    "ninja",  # its Swagger UI, served from our own static files (no CDN)
    "kansli.api",
    "kansli.search",
    "kansli.importer",
    "kansli.archive",
    "kansli.finsam",
    "kansli.initiatives",
    "kansli.delegation",
    "kansli.elections",
    "kansli.authorisations",
    "kansli.followups",
    "kansli.start",
    "kansli.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kansli.core.security.csp.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions, CSRF and messages: sees every cookie they set, and a cached page
    # skips them (it is served only to requests without a session).
    "kansli.publishing.cache.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kansli.core.security.gate.TwoFactorGateMiddleware",
]

ROOT_URLCONF = "kansli.config.urls"
WSGI_APPLICATION = "kansli.config.wsgi.application"
ASGI_APPLICATION = "kansli.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kansli.core.context_processors.kansli",
            ],
            "builtins": ["kansli.core.templatetags.permissions"],
        },
    },
]

DATABASES = {
    "default": database_config(
        env("KANSLI_DATABASE_URL", f"sqlite:///{VAR_DIR / 'kansli.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["kansli.config.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT: str | None = None  # set in production, where collectstatic fills it
WHITENOISE_USE_FINDERS = True
# Uploaded documents are never served by URL: only through a view that asks the selectors.
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# Task leases (kansli.core.leases, decision 0013): a worker renews the lease of the task it runs
# every third of KANSLI_TASK_LEASE_SECONDS; a task whose lease has run out (its worker died) is
# run again, at most KANSLI_TASK_RETRIES more times, and then failed with a message.
KANSLI_TASK_LEASE_SECONDS = env_float("KANSLI_TASK_LEASE_SECONDS", 60.0)
KANSLI_TASK_RETRIES = env_int("KANSLI_TASK_RETRIES", 2)
# For tests only: long tasks pause this many seconds at their checkpoint, so that a test can
# stop the worker in the middle of one. Always 0 in production.
KANSLI_TASK_PAUSE_SECONDS = env_float("KANSLI_TASK_PAUSE_SECONDS", 0.0)

# The box where uploaded files are read (kansli.registry.text_box): its ceilings. A file gets
# limits in proportion to its size, up to these; past one it waits for a person's review.
KANSLI_EXTRACT_MAX_SECONDS = env_int("KANSLI_EXTRACT_MAX_SECONDS", 120)
KANSLI_EXTRACT_MAX_MEMORY = env_int("KANSLI_EXTRACT_MAX_MEMORY", 2 * 1024 * 1024 * 1024)
KANSLI_EXTRACT_MAX_CHARACTERS = env_int("KANSLI_EXTRACT_MAX_CHARACTERS", 5_000_000)
KANSLI_EXTRACT_MAX_PAGES = env_int("KANSLI_EXTRACT_MAX_PAGES", 5_000)
# Findings of personal data kept per document; a document with more waits for a person, who
# reads the whole file.
KANSLI_MAX_FINDINGS = env_int("KANSLI_MAX_FINDINGS", 2_000)

# Largest accepted upload, in bytes (KANSLI_MAX_UPLOAD_BYTES, default 100 MB).
KANSLI_MAX_UPLOAD_BYTES = env_int("KANSLI_MAX_UPLOAD_BYTES", 100 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Files uploaded for import wait here between the preview and the confirmed import (a day at
# most); never served by URL.
KANSLI_IMPORT_DIR = Path(env("KANSLI_IMPORT_DIR", str(VAR_DIR / "import")))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Contact details of public roles that the privacy step never masks (separated by ";"):
# the switchboard's number, the registry's e-mail and postal address.
KANSLI_PUBLIC_CONTACTS = [
    c.strip() for c in env("KANSLI_PUBLIC_CONTACTS", "").split(";") if c.strip()
]
# A public document in which the privacy step finds nothing is published without waiting for
# a person (KANSLI_PUBLISH_CLEAN_DOCUMENTS=0: every document waits in the review queue).
KANSLI_PUBLISH_CLEAN_DOCUMENTS = env_bool("KANSLI_PUBLISH_CLEAN_DOCUMENTS", True)

# The public's pages are cached per worker process (publishing/cache.py): invalidated by any
# write, noticed within KANSLI_PUBLIC_CACHE_SECONDS.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kansli"},
    "public": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kansli-public",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Fragments of pages per object and audience (core/fragments.py), for the public and for
    # members alike: keyed by the committed-changes counter, read on every request.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kansli-fragments",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
KANSLI_FRAGMENT_CACHE = env_bool("KANSLI_FRAGMENT_CACHE", True)
KANSLI_FRAGMENT_CACHE_ALIAS = "fragments"
KANSLI_FRAGMENT_CACHE_TTL = 600
KANSLI_PUBLIC_CACHE = env_bool("KANSLI_PUBLIC_CACHE", True)
KANSLI_PUBLIC_CACHE_ALIAS = "public"
KANSLI_PUBLIC_CACHE_SECONDS = float(env("KANSLI_PUBLIC_CACHE_SECONDS", "1"))
KANSLI_PUBLIC_CACHE_TTL = 600
KANSLI_PUBLIC_CACHE_PREFIXES = (
    "/insyn/",
    "/api/v1/",
    "/anslagstavla/",
    "/organ/",
    "/fortroendevalda/",
    "/tillganglighet/",
    "/sok/",
)

# A failure to update the search index fails the write that caused it: an entry that should
# have been removed must never stay searchable (KANSLI_SEARCH_STRICT=0 logs it instead).
KANSLI_SEARCH_STRICT = env_bool("KANSLI_SEARCH_STRICT", True)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Security headers on every response: the policies are kansli.core.security.csp's
# DEFAULT_CSP and DEFAULT_PERMISSIONS_POLICY (nothing inline; images also as data: URIs for
# the two-factor QR code). KANSLI_CSP / KANSLI_PERMISSIONS_POLICY here would replace them.
# Behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto (KANSLI_BEHIND_PROXY=1):
# the client's address for rate limiting is the proxy's last X-Forwarded-For entry.
KANSLI_BEHIND_PROXY = env_bool("KANSLI_BEHIND_PROXY", False)
# Login rate limiting (kansli.core.security.ratelimit): after this many failed logins for one
# username, or from one IP address, within the window, logins are refused for the lockout.
KANSLI_LOGIN_MAX_FAILURES = env_int("KANSLI_LOGIN_MAX_FAILURES", 5)
KANSLI_LOGIN_MAX_FAILURES_PER_IP = env_int("KANSLI_LOGIN_MAX_FAILURES_PER_IP", 20)
KANSLI_LOGIN_FAILURE_WINDOW = env_int("KANSLI_LOGIN_FAILURE_WINDOW", 15 * 60)
KANSLI_LOGIN_LOCKOUT_SECONDS = env_int("KANSLI_LOGIN_LOCKOUT_SECONDS", 15 * 60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("KANSLI_LOG_LEVEL", "WARNING")},
}

# E-mail (dispatch of decisions). SMTP by default; the demo writes messages to files.
EMAIL_BACKEND = env("KANSLI_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("KANSLI_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("KANSLI_EMAIL_PORT", 25)
EMAIL_HOST_USER = env("KANSLI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env("KANSLI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env("KANSLI_EMAIL_TLS", "") == "1"
EMAIL_TIMEOUT = 20
EMAIL_FILE_PATH = env("KANSLI_EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env("KANSLI_FROM_EMAIL", "kansli@localhost")

# Motions and citizen proposals. A citizen proposal should be decided within this many months
# of its arrival: the statute's year (KL 5 kap. 35 §) at most, so 1–12; and the lists warn this
# many days before a limit.
KANSLI_CITIZEN_PROPOSAL_MONTHS = env_int("KANSLI_CITIZEN_PROPOSAL_MONTHS", 12)
if not 1 <= KANSLI_CITIZEN_PROPOSAL_MONTHS <= 12:
    raise ImproperlyConfigured(
        "KANSLI_CITIZEN_PROPOSAL_MONTHS ska vara 1–12: kommunallagen 5 kap. 35 § ger "
        f"medborgarförslag högst ett år, inte {KANSLI_CITIZEN_PROPOSAL_MONTHS} månader."
    )
KANSLI_INITIATIVE_WARN_DAYS = env_int("KANSLI_INITIATIVE_WARN_DAYS", 60)

# Follow-ups "med delårsrapporten" are due on the next interim report day (month, day);
# the body's budget rules set them. Follow-ups and assignments warn this many days before.
KANSLI_INTERIM_REPORT_DAYS = ((4, 30), (8, 31))
KANSLI_FOLLOWUP_WARN_DAYS = env_int("KANSLI_FOLLOWUP_WARN_DAYS", 30)
