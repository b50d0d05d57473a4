from django.db import models

from kansli.people.models import Body


class SplitRule(models.TextChoices):
    """How the municipalities split their quarter: set in each förbundsordning."""

    POPULATION = "befolkning", "Efter invånarantal den 1 november året före"
    FIXED = "fasta andelar", "Fasta andelar enligt förbundsordningen"


class Federation(models.Model):
    """A samordningsförbund: a legal body of its own, formed by Försäkringskassan,
    Arbetsförmedlingen, at least one region and at least one municipality (lag (2003:1210)
    3–4 §§)."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="federations", verbose_name="huvudman"
    )
    name = models.CharField("namn", max_length=200)
    short_name = models.CharField("kortnamn", max_length=60)
    aliases = models.JSONField("andra namn", default=list, blank=True)
    seat = models.CharField("säte", max_length=100, blank=True)
    split_rule = models.CharField(
        "fördelning mellan kommunerna",
        max_length=20,
        choices=SplitRule.choices,
        default=SplitRule.POPULATION,
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "short_name"], name="federation_short_name"),
            models.UniqueConstraint(fields=["body", "name"], name="federation_name"),
        ]
        verbose_name = "samordningsförbund"
        verbose_name_plural = "samordningsförbund"

    def __str__(self) -> str:
        return self.name

    @property
    def names(self) -> list[str]:
        """Every name it is known by: the name, the short name and the aliases."""
        return [self.name, self.short_name, *self.aliases]
