from django.conf import settings
from django.db import models

from kansli.people.models import Body

from .document import Document


class DisposalDecision(models.Model):
    """An archivist's decision to dispose of (gallra) documents the plan lets go: which
    decision it rests on, who took it and when. Its records say what went."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="disposals", verbose_name="huvudman"
    )
    decided_on = models.DateField("beslutsdag")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,  # None: the system (a command)
        related_name="+",
        verbose_name="beslutad av",
    )
    reference = models.CharField(
        "stöd för gallringen",
        max_length=300,
        help_text="T.ex. Informationshanteringsplan för regionstyrelsen, RS 2025-12, "
        "beslutad 2025-03-04 § 41.",
    )
    created_at = models.DateTimeField("utförd", auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = "gallringsbeslut"
        verbose_name_plural = "gallringsbeslut"

    def __str__(self) -> str:
        return f"Gallring {self.decided_on.isoformat()}"


class DisposalRecord(models.Model):
    """What a disposal removed: a document's file. The document's register entry stays
    (it is itself a public record, and a secret document's entry must remain)."""

    decision = models.ForeignKey(
        DisposalDecision, on_delete=models.PROTECT, related_name="records", verbose_name="beslut"
    )
    document = models.OneToOneField(
        Document, on_delete=models.PROTECT, related_name="disposal", verbose_name="handling"
    )
    file_name = models.CharField("filnamn", max_length=255)
    size = models.PositiveBigIntegerField("storlek", null=True)
    sha256 = models.CharField("kontrollsumma", max_length=64, blank=True)
    rule = models.CharField("enligt planen", max_length=300)

    class Meta:
        ordering = ["decision", "document"]
        verbose_name = "gallrad handling"
        verbose_name_plural = "gallrade handlingar"

    def __str__(self) -> str:
        return f"{self.document.number} gallrad {self.decision.decided_on.isoformat()}"
