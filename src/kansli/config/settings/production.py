"""Production on PostgreSQL. Refuses to start without a secret key and a database URL.

HTTPS throughout: secure cookies, a redirect from http to https and HSTS, each adjustable
from the environment (see docs/security.md and docs/operations.md).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env, env_bool, env_int

if not env("KANSLI_SECRET_KEY"):
    raise ImproperlyConfigured("KANSLI_SECRET_KEY måste vara satt i produktion.")
if not env("KANSLI_DATABASE_URL"):
    raise ImproperlyConfigured("KANSLI_DATABASE_URL måste vara satt i produktion.")

DEBUG = False
STATIC_ROOT = env("KANSLI_STATIC_ROOT", str(VAR_DIR / "static"))

# Cookies only over HTTPS (KANSLI_SECURE_COOKIES=0 only for a test installation on plain http).
SESSION_COOKIE_SECURE = env_bool("KANSLI_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_SAMESITE = "Lax"
# http:// is redirected to https:// unless KANSLI_SSL_REDIRECT=0 (e.g. when the proxy does it).
SECURE_SSL_REDIRECT = env_bool("KANSLI_SSL_REDIRECT", True)
# HSTS: browsers use only https for this long (seconds; default one year, 0 turns it off).
SECURE_HSTS_SECONDS = env_int("KANSLI_HSTS_SECONDS", 31536000) if SESSION_COOKIE_SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("KANSLI_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("KANSLI_HSTS_PRELOAD", False)
# Only behind a reverse proxy that sets X-Forwarded-Proto itself may Kansli trust the header;
# otherwise any client could claim https.
KANSLI_BEHIND_PROXY = env_bool("KANSLI_BEHIND_PROXY", False)
if KANSLI_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [o for o in env("KANSLI_CSRF_TRUSTED_ORIGINS").split(",") if o]
