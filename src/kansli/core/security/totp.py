"""TOTP (RFC 6238) and recovery codes: pure functions, no database.

Codes are six digits for 30-second time steps (what every authenticator app uses). A code is
accepted for the current step and one step on either side (clock drift), and only if its step
is later than the last one used, so a code cannot be replayed.
"""

import hashlib
import hmac
import re
import secrets
import time

import pyotp
import segno

ISSUER = "Kansli"
DIGITS = 6
STEP_SECONDS = 30
DRIFT_STEPS = 1
RECOVERY_CODE_COUNT = 10
# Recovery codes: ten characters from an alphabet without look-alikes (about 50 bits).
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_RECOVERY_LENGTH = 10
_CODE_RE = re.compile(r"^\d{6}$")


def new_secret() -> str:
    """A fresh random secret, base32 (160 bits)."""
    return pyotp.random_base32(length=32)


def normalize_code(code: str) -> str:
    """What the user typed, without spaces and dashes, lower case."""
    return re.sub(r"[\s-]", "", code or "").lower()


def is_totp_code(code: str) -> bool:
    """Six digits: a code from the app (anything else is tried as a recovery code)."""
    return bool(_CODE_RE.match(normalize_code(code)))


def counter_at(for_time: float) -> int:
    """The time step a moment falls in."""
    return int(for_time) // STEP_SECONDS


def code_at(secret: str, counter: int) -> str:
    """The code for one time step (used by tests and the demo command)."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).generate_otp(counter)


def current_code(secret: str, for_time: float | None = None) -> str:
    return code_at(secret, counter_at(time.time() if for_time is None else for_time))


def matching_counter(
    secret: str, code: str, *, last_used_counter: int, for_time: float | None = None
) -> int | None:
    """The time step a code belongs to, if it is valid now and not yet used; else None.

    Valid: equal to the code of the current step or of one step before or after it.
    Not yet used: its step is later than `last_used_counter` (a replayed or older code is
    refused even when it is still within the window).
    """
    code = normalize_code(code)
    if not secret or not _CODE_RE.match(code):
        return None
    now = counter_at(time.time() if for_time is None else for_time)
    found = None
    for counter in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if hmac.compare_digest(code_at(secret, counter), code) and counter > last_used_counter:
            found = counter
    return found


def provisioning_uri(secret: str, account: str) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(
        name=account, issuer_name=ISSUER
    )


def qr_data_uri(uri: str) -> str:
    """The QR code of a URI as an SVG data: URI, for an <img> (no inline script or style)."""
    return str(segno.make(uri, error="m", micro=False).svg_data_uri(scale=5, border=4))


def grouped(secret: str) -> str:
    """The secret in groups of four characters, for typing into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def new_recovery_codes(count: int = RECOVERY_CODE_COUNT) -> list[str]:
    """Fresh one-time codes, shown as xxxxx-xxxxx."""
    codes: list[str] = []
    while len(codes) < count:
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
        code = f"{raw[:5]}-{raw[5:]}"
        if code not in codes:
            codes.append(code)
    return codes


def recovery_code_hash(code: str) -> str:
    """The digest stored for a recovery code. The codes are long and random, so a plain
    SHA-256 is enough (there is no dictionary to try)."""
    return hashlib.sha256(normalize_code(code).encode()).hexdigest()
