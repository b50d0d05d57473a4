"""Models of the login's security: TOTP devices, recovery codes, failed logins and lockouts.

Imported by kansli.core.models, so they belong to the core app (and its migrations).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class TotpDevice(models.Model):
    """A user's authenticator app (RFC 6238, 30-second steps, six digits).

    `secret` is the confirmed secret used at login; `pending_secret` is one being set up
    (first time, or moving to a new phone) until a code from it is confirmed. A code is
    accepted once: its time step must be later than `last_used_counter`.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="totp_device",
        verbose_name="användare",
    )
    secret = models.CharField("hemlighet", max_length=64, blank=True)
    pending_secret = models.CharField("hemlighet under inställning", max_length=64, blank=True)
    confirmed_at = models.DateTimeField("påslagen", null=True, blank=True)
    last_used_counter = models.BigIntegerField("senast använda tidssteg", default=0)
    created_at = models.DateTimeField("skapad", default=timezone.now)

    class Meta:
        verbose_name = "tvåstegsverifiering"
        verbose_name_plural = "tvåstegsverifieringar"

    def __str__(self) -> str:
        return f"Tvåstegsverifiering för {self.user}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None and bool(self.secret)


class RecoveryCode(models.Model):
    """A one-time code for logging in without the app. Only its SHA-256 digest is kept."""

    device = models.ForeignKey(TotpDevice, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField("kontrollsumma", max_length=64)
    used_at = models.DateTimeField("använd", null=True, blank=True)

    class Meta:
        verbose_name = "reservkod"
        verbose_name_plural = "reservkoder"
        constraints = [
            models.UniqueConstraint(fields=["device", "code_hash"], name="recovery_code_unique")
        ]

    def __str__(self) -> str:
        return f"Reservkod för {self.device.user}"


class LoginStage(models.TextChoices):
    PASSWORD = "losenord", "Lösenord"
    CODE = "kod", "Kod"


class LoginFailure(models.Model):
    """One failed login attempt: a wrong password or a wrong code."""

    username = models.CharField("användarnamn", max_length=150, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField("IP-adress", null=True, blank=True, db_index=True)
    stage = models.CharField("steg", max_length=10, choices=LoginStage.choices)
    created_at = models.DateTimeField("tid", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "misslyckad inloggning"
        verbose_name_plural = "misslyckade inloggningar"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.username or '–'} {self.ip_address or ''}"


class LockoutKind(models.TextChoices):
    USERNAME = "anvandarnamn", "Användarnamn"
    IP = "ip", "IP-adress"


class LoginLockout(models.Model):
    """Logins for a username or from an IP address refused until `locked_until`."""

    kind = models.CharField("gäller", max_length=20, choices=LockoutKind.choices)
    key = models.CharField("användarnamn eller adress", max_length=150)
    locked_until = models.DateTimeField("spärrad till")
    created_at = models.DateTimeField("spärrad", default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "inloggningsspärr"
        verbose_name_plural = "inloggningsspärrar"
        indexes = [models.Index(fields=["kind", "key", "locked_until"])]

    def __str__(self) -> str:
        return f"Spärr för {self.get_kind_display().lower()} {self.key}"
