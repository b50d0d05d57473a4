"""Every write to two-factor login: setting up, confirming, turning off, recovery codes,
and using a code at login. Each writes an audit row in its transaction; no audit row ever
holds a secret or a code."""

import time
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..audit import audit_record
from ..models import User
from . import policy, totp
from .models import RecoveryCode, TotpDevice

Method = Literal["app", "reservkod"]

WRONG_CODE = "Koden stämmer inte. Kontrollera att telefonens klocka går rätt och försök igen."


def _require_self(actor: User | None, user: User) -> None:
    """Self-service: users change their own login; None is Kansli itself (demo, commands)."""
    if actor is not None and actor.pk != user.pk:
        raise PermissionDenied("Du kan bara ändra din egen tvåstegsverifiering.")
    if actor is not None and not policy.may_use_two_factor(user):
        raise PermissionDenied("Tvåstegsverifiering finns för organisationens anställda.")


def _scope(user: User) -> str:
    return f"user:{user.pk}"


def _locked_device(user: User) -> TotpDevice | None:
    return TotpDevice.objects.select_for_update().filter(user=user).first()


def _new_recovery_codes(device: TotpDevice) -> list[str]:
    device.recovery_codes.all().delete()
    codes = totp.new_recovery_codes()
    for code in codes:
        row = RecoveryCode(device=device, code_hash=totp.recovery_code_hash(code))
        row.full_clean()
        row.save()
    return codes


@transaction.atomic
def totp_setup_begin(*, actor: User | None, user: User, secret: str | None = None) -> TotpDevice:
    """Start setting up an app: a new secret waits for its first code (totp_confirm).

    Works both for a first device and for moving to a new phone; the confirmed secret, if
    any, stays in use until the new one is confirmed. `secret` is for the demo only.
    """
    _require_self(actor, user)
    device = _locked_device(user) or TotpDevice(user=user)
    device.pending_secret = secret or totp.new_secret()
    device.full_clean()
    device.save()
    audit_record(
        actor=actor,
        action="totp_setup_begin",
        obj=device,
        summary=f"Började ställa in tvåstegsverifiering för {user}.",
        scope=_scope(user),
    )
    return device


@transaction.atomic
def totp_confirm(
    *, actor: User | None, user: User, code: str, for_time: float | None = None
) -> list[str]:
    """Confirm the app being set up with a code from it. Returns ten new recovery codes,
    to be shown once; only their digests are stored."""
    _require_self(actor, user)
    device = _locked_device(user)
    if device is None or not device.pending_secret:
        raise ValidationError("Börja med att skanna QR-koden (ingen inställning pågår).")
    counter = totp.matching_counter(
        device.pending_secret, code, last_used_counter=0, for_time=for_time
    )
    if counter is None:
        raise ValidationError({"code": WRONG_CODE})
    replaced = device.is_confirmed
    device.secret, device.pending_secret = device.pending_secret, ""
    device.confirmed_at = timezone.now()
    device.last_used_counter = max(device.last_used_counter, counter)
    device.full_clean()
    device.save()
    codes = _new_recovery_codes(device)
    policy.forget_cached(user)
    audit_record(
        actor=actor,
        action="totp_confirm",
        obj=device,
        summary=(
            f"Bytte app för tvåstegsverifiering för {user}."
            if replaced
            else f"Slog på tvåstegsverifiering för {user}."
        ),
        scope=_scope(user),
    )
    return codes


@transaction.atomic
def totp_setup_cancel(*, actor: User | None, user: User) -> None:
    """Drop an app being set up; a confirmed one stays."""
    _require_self(actor, user)
    device = _locked_device(user)
    if device is None or not device.pending_secret:
        return
    audit_record(
        actor=actor,
        action="totp_setup_cancel",
        obj=device,
        summary=f"Avbröt inställning av tvåstegsverifiering för {user}.",
        scope=_scope(user),
    )
    if device.is_confirmed:
        device.pending_secret = ""
        device.full_clean()
        device.save()
    else:
        device.delete()


@transaction.atomic
def totp_disable(*, actor: User | None, user: User, code: str) -> None:
    """Turn two-factor login off, proven with a current code or a recovery code.
    Administrators may not: they must log in with two steps."""
    _require_self(actor, user)
    if policy.requires_two_factor(user):
        raise ValidationError(
            "Administratörer måste logga in med tvåstegsverifiering; den kan inte stängas av."
        )
    device = _locked_device(user)
    if device is None or not device.is_confirmed:
        raise ValidationError("Tvåstegsverifiering är inte påslagen.")
    if _use_code(device, code, for_time=None) is None:
        raise ValidationError({"code": WRONG_CODE})
    audit_record(
        actor=actor,
        action="totp_disable",
        obj=device,
        summary=f"Stängde av tvåstegsverifiering för {user}.",
        scope=_scope(user),
    )
    device.delete()
    policy.forget_cached(user)


@transaction.atomic
def recovery_codes_regenerate(*, actor: User | None, user: User) -> list[str]:
    """Ten new recovery codes; the old ones stop working."""
    _require_self(actor, user)
    device = _locked_device(user)
    if device is None or not device.is_confirmed:
        raise ValidationError("Slå på tvåstegsverifiering först.")
    codes = _new_recovery_codes(device)
    audit_record(
        actor=actor,
        action="recovery_codes_regenerate",
        obj=device,
        summary=f"Skapade nya reservkoder för {user}.",
        scope=_scope(user),
    )
    return codes


@transaction.atomic
def totp_verify(*, actor: User, code: str, for_time: float | None = None) -> Method | None:
    """The second step of a login: check the actor's code from the app, or a recovery code.

    A code from the app is accepted once (its time step is recorded); a recovery code is
    used up. Returns how the actor proved it ("app" or "reservkod"), or None for a wrong,
    replayed or used code (nothing is written then).
    """
    device = _locked_device(actor)
    if device is None or not device.is_confirmed:
        return None
    method = _use_code(device, code, for_time=for_time)
    if method is None:
        return None
    remaining = device.recovery_codes.filter(used_at__isnull=True).count()
    audit_record(
        actor=actor,
        action="totp_verify" if method == "app" else "recovery_code_use",
        obj=device,
        summary=(
            f"{actor} loggade in med kod från appen."
            if method == "app"
            else f"{actor} loggade in med en reservkod ({remaining} kvar)."
        ),
        scope=_scope(actor),
    )
    return method


@transaction.atomic
def totp_reset(*, actor: User | None, user: User) -> bool:
    """Remove a user's device and recovery codes, e.g. after a lost phone. Done by Kansli's
    command line (actor None) or by an administrator for someone else. An administrator
    whose device is removed must set up a new one at the next login. Returns whether there
    was a device."""
    if actor is not None and (actor.pk == user.pk or not policy.requires_two_factor(actor)):
        raise PermissionDenied("Bara en annan administratör kan nollställa tvåstegsverifieringen.")
    device = _locked_device(user)
    if device is None:
        return False
    audit_record(
        actor=actor,
        action="totp_reset",
        obj=device,
        summary=f"Nollställde tvåstegsverifieringen för {user}.",
        scope=_scope(user),
    )
    device.delete()
    policy.forget_cached(user)
    return True


def _use_code(device: TotpDevice, code: str, *, for_time: float | None) -> Method | None:
    """Consume a code on a locked, confirmed device."""
    if totp.is_totp_code(code):
        counter = totp.matching_counter(
            device.secret,
            code,
            last_used_counter=device.last_used_counter,
            for_time=time.time() if for_time is None else for_time,
        )
        if counter is None:
            return None
        device.last_used_counter = counter
        device.full_clean()
        device.save(update_fields=["last_used_counter"])
        return "app"
    digest = totp.recovery_code_hash(code)
    used = (
        RecoveryCode.objects.select_for_update()
        .filter(device=device, code_hash=digest, used_at__isnull=True)
        .first()
    )
    if used is None:
        return None
    used.used_at = timezone.now()
    used.full_clean()
    used.save(update_fields=["used_at"])
    return "reservkod"
