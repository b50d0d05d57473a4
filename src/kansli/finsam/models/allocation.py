from django.db import models

from .federation import Federation


class StateAllocation(models.Model):
    """The state's contribution to a federation for a year, as Försäkringskassan decided it,
    in whole kronor. The region's and the municipalities' parts follow (rules.py)."""

    federation = models.ForeignKey(
        Federation,
        on_delete=models.PROTECT,
        related_name="state_allocations",
        verbose_name="förbund",
    )
    year = models.PositiveSmallIntegerField("år")
    amount = models.PositiveBigIntegerField("statens bidrag (kr)")

    class Meta:
        ordering = ["-year", "federation"]
        constraints = [
            models.UniqueConstraint(fields=["federation", "year"], name="state_allocation_year"),
        ]
        verbose_name = "statens bidrag"
        verbose_name_plural = "statens bidrag"

    def __str__(self) -> str:
        return f"{self.federation} {self.year}: {self.amount} kr"
