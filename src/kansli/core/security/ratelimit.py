"""Login rate limiting, kept in the database so that every worker process sees it.

After KANSLI_LOGIN_MAX_FAILURES failed attempts for one username, or
KANSLI_LOGIN_MAX_FAILURES_PER_IP from one IP address, within KANSLI_LOGIN_FAILURE_WINDOW
seconds, every attempt for that username or from that address is refused for
KANSLI_LOGIN_LOCKOUT_SECONDS, even with the right password. A wrong password and a wrong code
in the second step both count. A complete login clears the username's count (not the
address's).

Kansli itself acts here (there is no logged-in actor yet): a lockout is audited with the
system as actor. The failures themselves are counted, not audited, so an attack does not
flood the log.
"""

import datetime
import ipaddress
import math

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone

from ..audit import audit_record
from .models import LockoutKind, LoginFailure, LoginLockout, LoginStage

# Failures older than this are deleted when a new one is recorded.
_KEEP_FAILURES = datetime.timedelta(days=1)


def max_failures_per_username() -> int:
    return int(getattr(settings, "KANSLI_LOGIN_MAX_FAILURES", 5))


def max_failures_per_ip() -> int:
    return int(getattr(settings, "KANSLI_LOGIN_MAX_FAILURES_PER_IP", 20))


def failure_window() -> datetime.timedelta:
    return datetime.timedelta(seconds=int(getattr(settings, "KANSLI_LOGIN_FAILURE_WINDOW", 900)))


def lockout_duration() -> datetime.timedelta:
    return datetime.timedelta(seconds=int(getattr(settings, "KANSLI_LOGIN_LOCKOUT_SECONDS", 900)))


def lockout_message() -> str:
    """The Swedish message shown while logins are refused."""
    minutes = max(1, math.ceil(lockout_duration().total_seconds() / 60))
    return (
        "För många misslyckade inloggningsförsök. "
        f"Försök igen om {minutes} {'minut' if minutes == 1 else 'minuter'}."
    )


def username_key(username: str) -> str:
    """Usernames are counted without case and surrounding space, so `Admin` is `admin`."""
    return (username or "").strip().casefold()[:150]


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind a reverse proxy (KANSLI_BEHIND_PROXY)
    the last address in X-Forwarded-For, the one our own proxy added."""
    candidate = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "KANSLI_BEHIND_PROXY", False):
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if forwarded:
            candidate = forwarded[-1]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def lockout_for(
    *, username: str, ip: str | None, now: datetime.datetime | None = None
) -> LoginLockout | None:
    """The lockout in force for this username or address, if any."""
    now = now or timezone.now()
    key = username_key(username)
    active = LoginLockout.objects.filter(locked_until__gt=now)
    if key:
        lockout = active.filter(kind=LockoutKind.USERNAME, key=key).first()
        if lockout is not None:
            return lockout
    if ip:
        return active.filter(kind=LockoutKind.IP, key=ip).first()
    return None


@transaction.atomic
def login_failure_record(
    *,
    username: str,
    ip: str | None,
    stage: LoginStage = LoginStage.PASSWORD,
    now: datetime.datetime | None = None,
) -> LoginLockout | None:
    """Count one failed attempt; lock the username or the address out when it reaches its
    limit. Returns the lockout that this failure caused, if any."""
    now = now or timezone.now()
    key = username_key(username)
    LoginFailure.objects.filter(created_at__lt=now - _KEEP_FAILURES).delete()
    failure = LoginFailure(username=key, ip_address=ip, stage=stage, created_at=now)
    failure.full_clean()
    failure.save()
    caused = None
    if key and _count(LockoutKind.USERNAME, key, now) >= max_failures_per_username():
        caused = _lock(LockoutKind.USERNAME, key, now)
    if ip and _count(LockoutKind.IP, ip, now) >= max_failures_per_ip():
        by_address = _lock(LockoutKind.IP, ip, now)
        caused = caused or by_address
    return caused


@transaction.atomic
def login_failures_clear(*, username: str) -> int:
    """A complete login: forget the username's failed attempts. Returns how many."""
    deleted, _ = LoginFailure.objects.filter(username=username_key(username)).delete()
    return deleted


def _count(kind: LockoutKind, key: str, now: datetime.datetime) -> int:
    """Failures within the window, and after the last lockout of the same key ended its
    count (so one failure after a lockout does not lock again at once)."""
    since = now - failure_window()
    last = LoginLockout.objects.filter(kind=kind, key=key).aggregate(last=Max("created_at"))
    if last["last"] is not None and last["last"] > since:
        since = last["last"]
    failures = LoginFailure.objects.filter(created_at__gt=since, created_at__lte=now)
    if kind == LockoutKind.USERNAME:
        return failures.filter(username=key).count()
    return failures.filter(ip_address=key).count()


def _lock(kind: LockoutKind, key: str, now: datetime.datetime) -> LoginLockout:
    active = LoginLockout.objects.filter(kind=kind, key=key, locked_until__gt=now).first()
    if active is not None:  # a concurrent failure locked it already
        return active
    lockout = LoginLockout(
        kind=kind, key=key, locked_until=now + lockout_duration(), created_at=now
    )
    lockout.full_clean()
    lockout.save()
    minutes = max(1, math.ceil(lockout_duration().total_seconds() / 60))
    what = f"användarnamnet {key}" if kind == LockoutKind.USERNAME else f"IP-adressen {key}"
    limit = max_failures_per_username() if kind == LockoutKind.USERNAME else max_failures_per_ip()
    audit_record(
        actor=None,
        action="login_lockout",
        obj=lockout,
        summary=(
            f"Inloggning spärrad i {minutes} minuter för {what} efter {limit} misslyckade försök."
        ),
        changes={"kind": kind.value, "key": key, "locked_until": lockout.locked_until.isoformat()},
    )
    return lockout
