"""An authorisation (fullmakt, bemyndigande): who may do what for the body, from a decision
until it is revoked (corpus item 8: the finance authorisations)."""

from django.db import models

from kansli.people.models import Body, Organization
from kansli.registry.models import Case


class Authorisation(models.Model):
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="authorisations", verbose_name="huvudman"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="authorisations",
        verbose_name="beslutande organ",
    )
    holder_name = models.CharField("innehavare", max_length=200)
    holder_title = models.CharField("befattning", max_length=300, blank=True)
    scope = models.CharField("får", max_length=1000)
    countersign = models.CharField(
        "i förening med",
        max_length=500,
        blank=True,
        help_text="Vem som ska kontrasignera eller teckna tillsammans med innehavaren.",
    )
    valid_from = models.DateField("gäller från")
    decision_reference = models.CharField("beslut", max_length=200, blank=True)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authorisations",
        verbose_name="ärende",
    )
    revoked_on = models.DateField("återkallad", null=True, blank=True)
    revocation_reason = models.CharField("skäl för återkallelse", max_length=500, blank=True)

    class Meta:
        ordering = ["holder_name", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revoked_on__isnull=True)
                | models.Q(revoked_on__gte=models.F("valid_from")),
                name="authorisation_revoked_after_start",
            ),
        ]
        verbose_name = "fullmakt"
        verbose_name_plural = "fullmakter"

    def __str__(self) -> str:
        return f"{self.holder_name}: {self.scope[:80]}"

    @property
    def needs_countersignature(self) -> bool:
        return bool(self.countersign)
