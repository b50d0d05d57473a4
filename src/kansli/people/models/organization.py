from django.db import models

from .body import Body


class OrganizationKind(models.TextChoices):
    COUNCIL = "fullmaktige", "Fullmäktige"
    BOARD = "styrelse", "Styrelse"
    COMMITTEE = "namnd", "Nämnd"
    WORKING_COMMITTEE = "utskott", "Utskott"
    ADVISORY_COUNCIL = "rad", "Råd"
    EXTERNAL = "externt", "Externt organ"


class Organization(models.Model):
    """A political body (organ) of the Body, or an external body members are elected to."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="organizations", verbose_name="huvudman"
    )
    name = models.CharField("namn", max_length=200)
    short_name = models.CharField("kortnamn", max_length=20, blank=True)
    kind = models.CharField("typ", max_length=20, choices=OrganizationKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="överordnat organ",
    )
    email = models.EmailField(
        "e-post för expediering",
        blank=True,
        help_text="Organets funktionsbrevlåda; föreslås när beslut expedieras med e-post.",
    )
    notice_days = models.PositiveSmallIntegerField(
        "kallelse senast (dagar före)",
        default=5,
        help_text="Enligt reglementet; fullmäktige annonseras minst en vecka före.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="organization_unique_name"),
        ]
        verbose_name = "organ"
        verbose_name_plural = "organ"

    def __str__(self) -> str:
        return self.name
