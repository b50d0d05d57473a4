from django.conf import settings
from django.db import models

from kansli.people.models import Person

from .meeting import Meeting


class NoticeKind(models.TextChoices):
    NOTICE = "kallelse", "Kallelse"
    CHANGE = "andring", "Ändring"
    CANCELLATION = "installt", "Inställt sammanträde"


class NoticeSending(models.Model):
    """One sending of a meeting's notice (kallelse), of a change to it, or of its
    cancellation, to the members and substitutes. `snapshot` holds the meeting and the agenda
    as they were sent, so that the next change notice says what changed since."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="notice_sendings",
        verbose_name="sammanträde",
    )
    kind = models.CharField("slag", max_length=20, choices=NoticeKind.choices)
    subject = models.CharField("ämne", max_length=300)
    changes = models.JSONField("ändringar", default=list, blank=True)
    snapshot = models.JSONField("sammanträdet som det skickades", default=dict)
    sent_at = models.DateTimeField("skickat")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="skickat av",
    )

    class Meta:
        ordering = ["meeting", "sent_at", "pk"]
        verbose_name = "utskick"
        verbose_name_plural = "utskick"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.meeting} {self.sent_at:%Y-%m-%d %H:%M}"


class DeliveryStatus(models.TextChoices):
    SENT = "skickad", "Skickad"
    BOUNCED = "studsade", "Studsade"
    INVALID = "ogiltig", "Ogiltig e-postadress"
    NO_ADDRESS = "saknar", "Saknar e-postadress"


class NoticeDelivery(models.Model):
    """What became of one sending to one member or substitute."""

    sending = models.ForeignKey(
        NoticeSending, on_delete=models.CASCADE, related_name="deliveries", verbose_name="utskick"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name="mottagare"
    )
    address = models.CharField("adress", max_length=254, blank=True)
    status = models.CharField("status", max_length=20, choices=DeliveryStatus.choices)
    error = models.CharField("fel", max_length=500, blank=True)

    class Meta:
        ordering = ["sending", "person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["sending", "person"], name="notice_delivery_unique_person"
            ),
        ]
        verbose_name = "utskick till mottagare"
        verbose_name_plural = "utskick till mottagare"

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"
