from django.db import models

from .member import FederationMember


class Population(models.Model):
    """A municipality's number of inhabitants on a day (SCB), for the split of the
    municipalities' quarter."""

    member = models.ForeignKey(
        FederationMember,
        on_delete=models.CASCADE,
        related_name="populations",
        verbose_name="kommun",
    )
    on = models.DateField("per dag")
    inhabitants = models.PositiveIntegerField("invånare")

    class Meta:
        ordering = ["member", "-on"]
        constraints = [
            models.UniqueConstraint(fields=["member", "on"], name="population_member_day"),
        ]
        verbose_name = "invånarantal"
        verbose_name_plural = "invånarantal"

    def __str__(self) -> str:
        return f"{self.member} {self.on.isoformat()}: {self.inhabitants}"
