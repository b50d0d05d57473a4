from django.conf import settings
from django.db import models

from kansli.registry.models import Document


class ReviewStatus(models.TextChoices):
    WAITING = "vantar", "Väntar på granskning"
    APPROVED = "granskad", "Granskad – publiceras"


class Publication(models.Model):
    """The privacy step of one public document: what was found, what is masked, and
    whether a person (or, for a document where nothing was found, Kansli) has let it out.
    Only an approved publication makes a document public (registry selectors)."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="publication", verbose_name="handling"
    )
    status = models.CharField(
        "status", max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.WAITING
    )
    has_text = models.BooleanField(
        "text kunde läsas", default=False, help_text="Nej för bilder och skannade sidor."
    )
    reason = models.CharField(
        "skäl till manuell granskning",
        max_length=500,
        blank=True,
        help_text="Varför filens text inte lästs helt automatiskt.",
    )
    masked_text = models.TextField("maskerad text", blank=True)
    masked_file = models.FileField("maskerad fil", upload_to="published/%Y/%m/", blank=True)
    prepared_at = models.DateTimeField("förberedd", auto_now_add=True)
    reviewed_at = models.DateTimeField("granskad", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="granskad av",
    )

    class Meta:
        verbose_name = "publicering"
        verbose_name_plural = "publiceringar"

    def __str__(self) -> str:
        return f"Publicering av {self.document}"

    @property
    def is_approved(self) -> bool:
        return self.status == ReviewStatus.APPROVED
