from django.conf import settings
from django.db import models

from .publication import Publication


class FindingKind(models.TextChoices):
    """What was found; the first four by Kansli (publishing/redaction), the last by a person."""

    PERSONAL_NUMBER = "personnummer", "Personnummer"
    PHONE = "telefonnummer", "Telefonnummer"
    EMAIL = "e-postadress", "E-postadress"
    ADDRESS = "adress", "Adress"
    MANUAL = "manuell", "Maskerat av granskare"


class Finding(models.Model):
    """One piece of personal data in a document's text, at [start, end)."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="findings", verbose_name="publicering"
    )
    kind = models.CharField("typ", max_length=20, choices=FindingKind.choices)
    text = models.CharField("text", max_length=500)
    start = models.PositiveIntegerField("början")
    end = models.PositiveIntegerField("slut")
    masked = models.BooleanField("maskeras", default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="tillagd av",
    )

    class Meta:
        ordering = ["publication", "start"]
        verbose_name = "fynd"
        verbose_name_plural = "fynd"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="finding_span"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} vid {self.start}"
