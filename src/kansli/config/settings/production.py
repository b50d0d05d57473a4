"""Production on PostgreSQL. Refuses to start without a secret key and a database URL."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env, env_bool

if not env("KANSLI_SECRET_KEY"):
    raise ImproperlyConfigured("KANSLI_SECRET_KEY måste vara satt i produktion.")
if not env("KANSLI_DATABASE_URL"):
    raise ImproperlyConfigured("KANSLI_DATABASE_URL måste vara satt i produktion.")

DEBUG = False
STATIC_ROOT = env("KANSLI_STATIC_ROOT", str(VAR_DIR / "static"))
SESSION_COOKIE_SECURE = env_bool("KANSLI_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("KANSLI_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = 31536000 if SESSION_COOKIE_SECURE else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [o for o in env("KANSLI_CSRF_TRUSTED_ORIGINS").split(",") if o]
