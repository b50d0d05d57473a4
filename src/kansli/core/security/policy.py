"""Who must, and who may, log in with two steps; reading a user's device."""

from ..models import User
from ..roles import Role, Viewer, has_role, is_staff_member
from .models import TotpDevice


def requires_two_factor(user: Viewer | None) -> bool:
    """Administrators (the role, and Django superusers) must log in with a code."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_superuser) or has_role(user, Role.ADMINISTRATOR)


def may_use_two_factor(user: Viewer | None) -> bool:
    """Two-factor login is offered to the staff (and required of administrators)."""
    return requires_two_factor(user) or is_staff_member(user)


def device_of(user: Viewer | None) -> TotpDevice | None:
    """The user's device, confirmed or being set up; None when there is none."""
    if not isinstance(user, User) or not user.pk:
        return None
    return TotpDevice.objects.filter(user=user).first()


def has_confirmed_device(user: Viewer | None) -> bool:
    if not isinstance(user, User) or not user.pk:
        return False
    cached: bool | None = getattr(user, "_kansli_totp_confirmed", None)
    if cached is None:
        cached = TotpDevice.objects.filter(
            user=user, confirmed_at__isnull=False, secret__gt=""
        ).exists()
        setattr(user, "_kansli_totp_confirmed", cached)  # noqa: B010 - per-request cache
    return cached


def forget_cached(user: User) -> None:
    """Drop the per-request cache after the device changed."""
    if hasattr(user, "_kansli_totp_confirmed"):
        del user._kansli_totp_confirmed
