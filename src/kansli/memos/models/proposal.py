"""Decision proposals (förslag till beslut) and their clauses (att-satser)."""

from django.db import models


class DecisionProposal(models.Model):
    """A formula ("Regionstyrelsen beslutar") followed by ordered att-clauses."""

    formula = models.CharField("beslutsformel", max_length=500)

    class Meta:
        verbose_name = "förslag till beslut"
        verbose_name_plural = "förslag till beslut"

    def __str__(self) -> str:
        return self.formula


class Clause(models.Model):
    """One att-clause of a proposal, in its place."""

    proposal = models.ForeignKey(
        DecisionProposal, on_delete=models.CASCADE, related_name="clauses", verbose_name="förslag"
    )
    position = models.PositiveSmallIntegerField("ordning")
    text = models.TextField("att-sats")

    class Meta:
        ordering = ["proposal", "position"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "position"], name="clause_unique_position"),
        ]
        verbose_name = "att-sats"
        verbose_name_plural = "att-satser"

    def __str__(self) -> str:
        return self.text
