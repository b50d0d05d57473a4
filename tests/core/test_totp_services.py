"""Two-factor login's services: set-up, confirmation, codes used once, recovery codes,
turning off, reset; each audited, none writing a secret or a code into the log."""

import time

import pyotp
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.core.roles import Role
from kansli.core.security import services, totp
from kansli.core.security.models import RecoveryCode, TotpDevice
from kansli.core.security.policy import has_confirmed_device, requires_two_factor
from tests.conftest import _user, with_totp

from .security_helpers import wrong_code


def test_codes_agree_with_pyotp_and_rfc_6238():
    # RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits: 94287082 at 59 s;
    # the six-digit code is its last six digits.
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert totp.current_code(secret, 59) == "287082"
    assert totp.current_code(secret, 1111111109) == "081804"
    fresh = totp.new_secret()
    assert totp.current_code(fresh) == pyotp.TOTP(fresh).now()


def test_a_code_is_valid_one_step_either_side_and_only_once():
    secret = totp.new_secret()
    now = 1_700_000_000.0
    step = totp.counter_at(now)
    for offset in (-1, 0, 1):
        code = totp.code_at(secret, step + offset)
        assert totp.matching_counter(secret, code, last_used_counter=0, for_time=now) == (
            step + offset
        )
    assert (
        totp.matching_counter(
            secret, totp.code_at(secret, step - 2), last_used_counter=0, for_time=now
        )
        is None
    )
    code = totp.code_at(secret, step)
    assert totp.matching_counter(secret, code, last_used_counter=step, for_time=now) is None
    assert totp.matching_counter(secret, "12345", last_used_counter=0, for_time=now) is None
    assert totp.matching_counter(secret, "abcdef", last_used_counter=0, for_time=now) is None


def test_set_up_and_confirm(secretary):
    device = services.totp_setup_begin(actor=secretary, user=secretary)
    assert device.pending_secret and not device.is_confirmed
    assert not has_confirmed_device(secretary)
    with pytest.raises(ValidationError) as wrong:
        services.totp_confirm(
            actor=secretary, user=secretary, code=wrong_code(device.pending_secret)
        )
    assert "Koden stämmer inte" in str(wrong.value)
    secret = device.pending_secret
    codes = services.totp_confirm(actor=secretary, user=secretary, code=pyotp.TOTP(secret).now())
    device.refresh_from_db()
    assert device.is_confirmed and device.secret == secret and device.pending_secret == ""
    assert has_confirmed_device(secretary)
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = set(RecoveryCode.objects.filter(device=device).values_list("code_hash", flat=True))
    assert stored == {totp.recovery_code_hash(c) for c in codes}
    assert not stored & set(codes)  # only digests are kept
    actions = list(
        AuditEntry.objects.filter(scope=f"user:{secretary.pk}")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["totp_setup_begin", "totp_confirm"]
    for entry in AuditEntry.objects.all():
        text = entry.summary + str(entry.changes) + entry.object_repr
        assert secret not in text and not any(code in text for code in codes)


def test_the_confirming_code_cannot_then_log_in(secretary):
    secret = services.totp_setup_begin(actor=secretary, user=secretary).pending_secret
    code = pyotp.TOTP(secret).now()
    services.totp_confirm(actor=secretary, user=secretary, code=code)
    assert services.totp_verify(actor=secretary, code=code) is None


def test_login_code_is_accepted_once(secretary):
    secret = with_totp(secretary)
    code = totp.current_code(secret)
    assert services.totp_verify(actor=secretary, code=code) == "app"
    assert services.totp_verify(actor=secretary, code=code) is None  # replayed
    assert services.totp_verify(actor=secretary, code=wrong_code(secret)) is None
    assert AuditEntry.objects.filter(action="totp_verify", actor=secretary).count() == 1


def test_an_older_code_after_a_newer_one_is_refused(secretary):
    secret = with_totp(secretary)
    now = time.time()
    newer = totp.current_code(secret, now + totp.STEP_SECONDS)
    older = totp.current_code(secret, now)
    assert services.totp_verify(actor=secretary, code=newer, for_time=now) == "app"
    assert services.totp_verify(actor=secretary, code=older, for_time=now) is None


def test_recovery_code_works_once(secretary):
    with_totp(secretary)
    codes = services.recovery_codes_regenerate(actor=secretary, user=secretary)
    assert services.totp_verify(actor=secretary, code=codes[3].upper()) == "reservkod"
    assert services.totp_verify(actor=secretary, code=codes[3]) is None
    assert services.totp_verify(actor=secretary, code=codes[4].replace("-", " ")) == "reservkod"
    entry = AuditEntry.objects.filter(action="recovery_code_use").latest("id")
    assert "8 kvar" in entry.summary


def test_regenerated_codes_replace_the_old(secretary):
    with_totp(secretary)
    old = services.recovery_codes_regenerate(actor=secretary, user=secretary)
    new = services.recovery_codes_regenerate(actor=secretary, user=secretary)
    assert not set(old) & set(new)
    assert services.totp_verify(actor=secretary, code=old[0]) is None
    assert services.totp_verify(actor=secretary, code=new[0]) == "reservkod"
    assert AuditEntry.objects.filter(action="recovery_codes_regenerate").count() == 2


def test_moving_to_a_new_phone_keeps_the_old_until_confirmed(secretary):
    old_secret = with_totp(secretary)
    new_secret = services.totp_setup_begin(actor=secretary, user=secretary).pending_secret
    assert new_secret != old_secret
    assert services.totp_verify(actor=secretary, code=totp.current_code(old_secret)) == "app"
    services.totp_confirm(
        actor=secretary,
        user=secretary,
        code=totp.current_code(new_secret, time.time() + totp.STEP_SECONDS),
    )
    assert TotpDevice.objects.get(user=secretary).secret == new_secret


def test_cancel_drops_an_unconfirmed_device(secretary):
    services.totp_setup_begin(actor=secretary, user=secretary)
    services.totp_setup_cancel(actor=secretary, user=secretary)
    assert not TotpDevice.objects.filter(user=secretary).exists()
    assert AuditEntry.objects.filter(action="totp_setup_cancel").exists()


def test_disable_needs_a_code_and_is_refused_to_administrators(secretary, administrator):
    secret = with_totp(secretary)
    with pytest.raises(ValidationError):
        services.totp_disable(actor=secretary, user=secretary, code=wrong_code(secret))
    assert has_confirmed_device(secretary)
    services.totp_disable(actor=secretary, user=secretary, code=totp.current_code(secret))
    assert not TotpDevice.objects.filter(user=secretary).exists()
    assert not RecoveryCode.objects.filter(device__user=secretary).exists()
    assert AuditEntry.objects.filter(action="totp_disable", actor=secretary).exists()

    assert requires_two_factor(administrator)
    secret = administrator.totp_device.secret
    with pytest.raises(ValidationError) as refused:
        services.totp_disable(
            actor=administrator, user=administrator, code=totp.current_code(secret)
        )
    assert "Administratörer" in str(refused.value)
    assert TotpDevice.objects.filter(user=administrator).exists()


def test_superusers_must_use_two_factor(db):
    user = _user("rot")
    assert not requires_two_factor(user)
    user.is_superuser = True
    assert requires_two_factor(user)


def test_only_the_user_changes_their_own_device(secretary, registrar):
    with pytest.raises(PermissionDenied):
        services.totp_setup_begin(actor=registrar, user=secretary)
    with_totp(secretary)
    with pytest.raises(PermissionDenied):
        services.recovery_codes_regenerate(actor=registrar, user=secretary)


def test_elected_members_are_not_offered_two_factor(elected):
    with pytest.raises(PermissionDenied):
        services.totp_setup_begin(actor=elected, user=elected)


def test_reset_by_another_administrator_or_the_system(secretary, administrator, registrar):
    with_totp(secretary)
    with pytest.raises(PermissionDenied):
        services.totp_reset(actor=registrar, user=secretary)
    with pytest.raises(PermissionDenied):
        services.totp_reset(actor=administrator, user=administrator)
    assert services.totp_reset(actor=administrator, user=secretary) is True
    assert not TotpDevice.objects.filter(user=secretary).exists()
    assert services.totp_reset(actor=None, user=secretary) is False
    assert AuditEntry.objects.filter(action="totp_reset", actor=administrator).exists()


def test_roles_decide_who_must(db):
    admin = _user("adm2", Role.ADMINISTRATOR)
    official = _user("hl", Role.OFFICIAL)
    assert requires_two_factor(admin) and not requires_two_factor(official)
