"""The demo and development: `make run`."""

from .base import *  # noqa: F403
from .env import env

DEBUG = True

# The demo keeps dispatched e-mail as files under var/mail instead of sending it.
EMAIL_BACKEND = env("KANSLI_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
