from django.db import models

from .federation import Federation
from .member import FederationMember


class BoardTerm(models.Model):
    """The board of a federation for one term of office (four years from 1 April after the
    general election, rules.board_term), with its size and its voting rules."""

    federation = models.ForeignKey(
        Federation, on_delete=models.CASCADE, related_name="board_terms", verbose_name="förbund"
    )
    start = models.DateField("från")
    end = models.DateField("till")
    members = models.PositiveSmallIntegerField("ledamöter")
    substitutes = models.PositiveSmallIntegerField("ersättare")
    qualified_majority = models.CharField(
        "kvalificerad majoritet",
        max_length=500,
        blank=True,
        help_text="Vilka beslut som kräver kvalificerad majoritet och hur stor, t.ex. "
        "”3/4 för budget, verksamhetsplan, projekt, årsredovisning och förbundschef”.",
    )

    class Meta:
        ordering = ["federation", "-start"]
        constraints = [
            models.UniqueConstraint(fields=["federation", "start"], name="board_term_start"),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="board_term_end_after_start"
            ),
        ]
        verbose_name = "styrelse för en mandatperiod"
        verbose_name_plural = "styrelser"

    def __str__(self) -> str:
        return f"{self.federation} {self.start.year}–{self.end.year}"


class BoardRole(models.TextChoices):
    MEMBER = "ledamot", "Ledamot"
    SUBSTITUTE = "ersättare", "Ersättare"


class BoardAppointment(models.Model):
    """Who a member appointed to the board for a term."""

    term = models.ForeignKey(
        BoardTerm, on_delete=models.CASCADE, related_name="appointments", verbose_name="styrelse"
    )
    member = models.ForeignKey(
        FederationMember, on_delete=models.CASCADE, related_name="+", verbose_name="utsedd av"
    )
    role = models.CharField("roll", max_length=20, choices=BoardRole.choices)
    name = models.CharField("namn", max_length=200)

    class Meta:
        ordering = ["term", "member", "role", "name"]
        verbose_name = "styrelseuppdrag"
        verbose_name_plural = "styrelseuppdrag"

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display().lower()}, {self.member})"
