"""Login rate limiting: five failures for a username or twenty from an address lock logins out
for fifteen minutes, even with the right password; the lockout is audited; a complete login
clears the username's count."""

import datetime

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from kansli.core.models import AuditEntry
from kansli.core.security import ratelimit
from kansli.core.security.models import LockoutKind, LoginFailure, LoginLockout, LoginStage
from tests.factories import UserFactory

from .security_helpers import logged_in_user_id, password_step

MESSAGE = "För många misslyckade inloggningsförsök. Försök igen om 15 minuter."


@pytest.fixture
def user(db):
    return UserFactory(username="kalle")


def test_the_message_follows_the_setting(settings):
    assert ratelimit.lockout_message() == MESSAGE
    settings.KANSLI_LOGIN_LOCKOUT_SECONDS = 60
    assert ratelimit.lockout_message().endswith("Försök igen om 1 minut.")


def test_five_failures_for_a_username_lock_it_for_fifteen_minutes(db):
    now = timezone.now()
    for _n in range(4):
        assert ratelimit.login_failure_record(username="Kalle", ip="10.0.0.1", now=now) is None
    assert ratelimit.lockout_for(username="kalle", ip=None, now=now) is None
    lockout = ratelimit.login_failure_record(username=" KALLE ", ip="10.0.0.2", now=now)
    assert lockout is not None and lockout.kind == LockoutKind.USERNAME and lockout.key == "kalle"
    assert lockout.locked_until == now + datetime.timedelta(minutes=15)
    assert ratelimit.lockout_for(username="kalle", ip="10.9.9.9", now=now) == lockout
    later = now + datetime.timedelta(minutes=15, seconds=1)
    assert ratelimit.lockout_for(username="kalle", ip=None, now=later) is None
    # after the lockout, the count starts again
    assert ratelimit.login_failure_record(username="kalle", ip=None, now=later) is None
    entry = AuditEntry.objects.get(action="login_lockout")
    assert entry.actor is None and "kalle" in entry.summary and "15 minuter" in entry.summary


def test_failures_outside_the_window_do_not_count(db):
    start = timezone.now()
    for _n in range(4):
        ratelimit.login_failure_record(username="kalle", ip=None, now=start)
    later = start + datetime.timedelta(minutes=16)
    assert ratelimit.login_failure_record(username="kalle", ip=None, now=later) is None


def test_twenty_failures_from_one_address_lock_the_address(db):
    now = timezone.now()
    for n in range(19):
        assert ratelimit.login_failure_record(username=f"user{n}", ip="192.0.2.7", now=now) is None
    lockout = ratelimit.login_failure_record(username="someone", ip="192.0.2.7", now=now)
    assert lockout is not None and lockout.kind == LockoutKind.IP
    assert ratelimit.lockout_for(username="anyone", ip="192.0.2.7", now=now) == lockout
    assert ratelimit.lockout_for(username="anyone", ip="192.0.2.8", now=now) is None
    assert "IP-adressen 192.0.2.7" in AuditEntry.objects.get(action="login_lockout").summary


def test_limits_come_from_the_settings(db, settings):
    settings.KANSLI_LOGIN_MAX_FAILURES = 2
    settings.KANSLI_LOGIN_MAX_FAILURES_PER_IP = 3
    assert ratelimit.login_failure_record(username="a", ip="192.0.2.1") is None
    assert ratelimit.login_failure_record(username="a", ip="192.0.2.1") is not None
    assert ratelimit.login_failure_record(username="b", ip="192.0.2.1").kind == LockoutKind.IP


def test_clearing_forgets_the_username_only(db):
    for _n in range(4):
        ratelimit.login_failure_record(username="kalle", ip="192.0.2.1")
    assert ratelimit.login_failures_clear(username="Kalle") == 4
    assert ratelimit.login_failure_record(username="kalle", ip="192.0.2.1") is None
    assert LoginFailure.objects.filter(ip_address="192.0.2.1").count() == 1


def test_client_address_behind_a_proxy(settings):
    factory = RequestFactory()
    request = factory.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    settings.KANSLI_BEHIND_PROXY = False
    assert ratelimit.client_ip(request) == "10.0.0.5"  # the header is not trusted
    settings.KANSLI_BEHIND_PROXY = True
    assert ratelimit.client_ip(request) == "198.51.100.4"  # the entry our proxy added
    assert ratelimit.client_ip(factory.get("/", REMOTE_ADDR="nonsense")) is None


# The login page


def test_wrong_passwords_lock_the_username_even_for_the_right_password(client, user):
    for _n in range(4):
        response = password_step(client, "kalle", "fel")
        assert response.status_code == 200
        assert "Ange ett korrekt användarnamn" in response.content.decode()
    response = password_step(client, "kalle", "fel")
    assert response.status_code == 429
    assert MESSAGE in response.content.decode()
    response = password_step(client, "kalle")  # the right password
    assert response.status_code == 429 and MESSAGE in response.content.decode()
    assert logged_in_user_id(client) is None
    assert LoginLockout.objects.filter(kind=LockoutKind.USERNAME, key="kalle").count() == 1
    assert AuditEntry.objects.filter(action="login_lockout").count() == 1
    assert set(LoginFailure.objects.values_list("stage", flat=True)) == {LoginStage.PASSWORD}


def test_the_lockout_ends(client, user):
    for _n in range(5):
        password_step(client, "kalle", "fel")
    LoginLockout.objects.update(locked_until=timezone.now() - datetime.timedelta(seconds=1))
    response = password_step(client, "kalle")
    assert response.status_code == 302 and logged_in_user_id(client) == str(user.pk)


def test_a_successful_login_clears_the_count(client, user):
    for _n in range(4):
        password_step(client, "kalle", "fel")
    assert password_step(client, "kalle").status_code == 302
    client.post(reverse("core:logout"))
    for _n in range(4):
        assert password_step(client, "kalle", "fel").status_code == 200
    assert not LoginLockout.objects.exists()


def test_one_address_is_locked_after_twenty_failures(client, user):
    for n in range(20):
        password_step(client, f"gissning{n}", "fel")
    assert LoginLockout.objects.filter(kind=LockoutKind.IP, key="127.0.0.1").exists()
    response = password_step(client, "kalle")
    assert response.status_code == 429 and logged_in_user_id(client) is None
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert password_step(other, "kalle").status_code == 302
