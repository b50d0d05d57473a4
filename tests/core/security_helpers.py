"""Helpers for the security tests: codes, and logging in through the login pages."""

import time

from django.test import Client
from django.urls import reverse

from kansli.core.security import totp

PASSWORD = "kansli-test-lösen"  # tests.factories.UserFactory


def wrong_code(secret: str) -> str:
    """Six digits that are not a valid code for the secret now, nor two steps either side."""
    valid = {
        totp.current_code(secret, time.time() + d * totp.STEP_SECONDS) for d in (-2, -1, 0, 1, 2)
    }
    return next(c for c in ("000000", "111111", "222222", "333333", "444444") if c not in valid)


def password_step(client: Client, username: str, password: str = PASSWORD, next_url: str = ""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("core:login"), data)


def code_step(client: Client, code: str):
    return client.post(reverse("core:login_code"), {"code": code})


def logged_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")
