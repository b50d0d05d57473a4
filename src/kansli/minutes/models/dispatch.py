from django.conf import settings
from django.db import models

from kansli.people.models import Organization, Person

from .paragraph import Paragraph


class Channel(models.TextChoices):
    EMAIL = "epost", "E-post"
    LETTER = "brev", "Brev"
    INTERNAL = "internt", "Internpost"


class Dispatch(models.Model):
    """Sending one decision (paragraph) to one of its "Skickas till" recipients
    (expediering). Made pending when the minutes are adjusted; sent once."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.PROTECT, related_name="dispatches")
    position = models.PositiveSmallIntegerField("ordning")
    recipient = models.CharField("mottagare", max_length=300)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    channel = models.CharField("kanal", max_length=20, choices=Channel.choices, blank=True)
    address = models.CharField("adress", max_length=400, blank=True)
    sent_at = models.DateTimeField("expedierat", null=True, blank=True)
    document = models.ForeignKey(
        "registry.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="utgående handling",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["paragraph", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "position"], name="dispatch_unique_position"
            ),
        ]
        verbose_name = "expediering"
        verbose_name_plural = "expedieringar"

    def __str__(self) -> str:
        return f"{self.paragraph.label} till {self.recipient}"

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None
