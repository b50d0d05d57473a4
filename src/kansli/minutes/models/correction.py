from django.conf import settings
from django.db import models

from .minutes import Minutes
from .paragraph import Paragraph


class Correction(models.Model):
    """A correction of adjusted minutes: a new document linked to them, never an edit."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="corrections")
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    text = models.TextField("rättelse")
    created_at = models.DateTimeField("skapad")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    document = models.ForeignKey(
        "registry.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["minutes", "created_at"]
        verbose_name = "rättelse"
        verbose_name_plural = "rättelser"

    def __str__(self) -> str:
        return f"Rättelse {self.created_at:%Y-%m-%d}"
