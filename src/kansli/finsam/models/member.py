from django.db import models

from .federation import Federation


class MemberKind(models.TextChoices):
    SOCIAL_INSURANCE = "försäkringskassan", "Försäkringskassan"
    EMPLOYMENT = "arbetsförmedlingen", "Arbetsförmedlingen"
    REGION = "region", "Region"
    MUNICIPALITY = "kommun", "Kommun"


class FederationMember(models.Model):
    """A member (förbundsmedlem) of a federation, with its seats on the board."""

    federation = models.ForeignKey(
        Federation, on_delete=models.CASCADE, related_name="members", verbose_name="förbund"
    )
    kind = models.CharField("slag", max_length=20, choices=MemberKind.choices)
    name = models.CharField("namn", max_length=200)
    board_members = models.PositiveSmallIntegerField("ledamöter i styrelsen", default=1)
    board_substitutes = models.PositiveSmallIntegerField("ersättare i styrelsen", default=1)
    fixed_share = models.DecimalField(
        "fast andel av kommunernas fjärdedel",
        max_digits=7,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="Bara när förbundsordningen anger fasta andelar (t.ex. 0,25).",
    )

    class Meta:
        ordering = ["federation", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["federation", "name"], name="federation_member_name"),
        ]
        verbose_name = "förbundsmedlem"
        verbose_name_plural = "förbundsmedlemmar"

    def __str__(self) -> str:
        return self.name

    @property
    def is_municipality(self) -> bool:
        return self.kind == MemberKind.MUNICIPALITY
