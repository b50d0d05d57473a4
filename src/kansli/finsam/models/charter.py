from django.db import models

from .federation import Federation
from .member import FederationMember


class CharterVersion(models.Model):
    """A version of a federation's förbundsordning. It takes effect once every member has
    adopted it (rules.charter_in_force)."""

    federation = models.ForeignKey(
        Federation, on_delete=models.CASCADE, related_name="charters", verbose_name="förbund"
    )
    title = models.CharField("rubrik", max_length=300)
    proposed_on = models.DateField("förslag daterat")
    case_number = models.CharField("diarienummer", max_length=60, blank=True)

    class Meta:
        ordering = ["federation", "-proposed_on"]
        verbose_name = "förbundsordning"
        verbose_name_plural = "förbundsordningar"

    def __str__(self) -> str:
        return f"{self.title} ({self.proposed_on.isoformat()})"


class CharterAdoption(models.Model):
    """One member's decision to adopt a förbundsordning."""

    charter = models.ForeignKey(
        CharterVersion, on_delete=models.CASCADE, related_name="adoptions", verbose_name="version"
    )
    member = models.ForeignKey(
        FederationMember, on_delete=models.CASCADE, related_name="+", verbose_name="medlem"
    )
    adopted_on = models.DateField("antagen")
    reference = models.CharField("beslut", max_length=200, blank=True)

    class Meta:
        ordering = ["charter", "adopted_on"]
        constraints = [
            models.UniqueConstraint(fields=["charter", "member"], name="charter_adoption_once"),
        ]
        verbose_name = "antagande av förbundsordning"
        verbose_name_plural = "antaganden av förbundsordning"

    def __str__(self) -> str:
        return f"{self.member} {self.adopted_on.isoformat()}"
