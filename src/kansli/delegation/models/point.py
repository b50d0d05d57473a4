"""One point of an organization's delegation order (delegationsordning)."""

from django.db import models

from kansli.people.models import Organization


class DelegationPoint(models.Model):
    """A matter the organization has delegated ("3.2 Anställning av förvaltningschef" to
    "Regiondirektören"), and whether decisions under it are reported back to it (KL 6 kap. 40 §)."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="delegation_points",
        verbose_name="delegerande organ",
    )
    code = models.CharField("punkt", max_length=20)
    title = models.CharField("ärendetyp", max_length=300)
    delegate = models.CharField("delegat", max_length=200)
    reported = models.BooleanField(
        "anmäls till organet",
        default=True,
        help_text="Organet bestämmer vilka delegationsbeslut som ska anmälas till det "
        "(kommunallagen 6 kap. 40 §).",
    )
    is_active = models.BooleanField("gäller", default=True)

    class Meta:
        ordering = ["organization", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"], name="delegation_point_unique_code"
            ),
        ]
        verbose_name = "punkt i delegationsordningen"
        verbose_name_plural = "delegationsordning"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
