import decimal
from typing import TypeAlias

from django.db import models
from django.db.models.expressions import Combinable

from .federation import Federation

# The figures' fields as django-stubs types a nullable field: what may be assigned, and what
# is read (None for a missing figure).
_IntegerSet: TypeAlias = float | int | str | Combinable | None
_Kronor: TypeAlias = models.BigIntegerField[_IntegerSet, int | None]
_Count: TypeAlias = models.PositiveIntegerField[_IntegerSet, int | None]
_Staff: TypeAlias = models.DecimalField[
    str | float | decimal.Decimal | Combinable | None, decimal.Decimal | None
]


def _kronor(label: str) -> _Kronor:
    return models.BigIntegerField(label, null=True, blank=True)


def _count(label: str) -> _Count:
    return models.PositiveIntegerField(label, null=True, blank=True)


def _staff(label: str) -> _Staff:
    return models.DecimalField(label, max_digits=6, decimal_places=2, null=True, blank=True)


class FollowUp(models.Model):
    """A federation's figures for one year, the same in every federation so that they can be
    compared (DOMAIN.md, "Finsam", follow-up). A missing figure is null, never zero."""

    federation = models.ForeignKey(
        Federation, on_delete=models.PROTECT, related_name="follow_ups", verbose_name="förbund"
    )
    year = models.PositiveSmallIntegerField("år")
    member_contributions = _kronor("medlemsbidrag (kr)")
    equity = _kronor("eget kapital vid årets slut (kr)")
    cost_individual = _kronor("kostnad individinriktade insatser (kr)")
    cost_structural = _kronor("kostnad strukturövergripande insatser (kr)")
    cost_administration = _kronor("kostnad administration (kr)")
    participants = _count("deltagare under året")
    participants_new = _count("nya deltagare")
    participants_ended = _count("avslutade deltagare")
    ended_to_work_or_studies = _count("avslutade till arbete eller studier")
    ended_ready_for_regular = _count("avslutade redo för ordinarie verksamhets insatser")
    reception_team_staff = _staff("mottagningsteam, årsarbetare")
    reception_team_cost = _kronor("mottagningsteam, kostnad (kr)")
    coaching_team_staff = _staff("coachingteam, årsarbetare")
    coaching_team_cost = _kronor("coachingteam, kostnad (kr)")
    population_16_64 = _count("befolkning 16–64 år")

    class Meta:
        ordering = ["federation", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["federation", "year"], name="follow_up_year"),
        ]
        verbose_name = "uppföljning"
        verbose_name_plural = "uppföljningar"

    def __str__(self) -> str:
        return f"{self.federation} {self.year}"

    @property
    def extra_granted(self) -> int | None:
        """The extra funds granted in the year, all givers together; None when none are
        entered. Reads the prefetched extra_funds (selectors.follow_ups)."""
        funds = list(self.extra_funds.all())
        return sum(f.granted for f in funds) if funds else None

    @property
    def extra_used(self) -> int | None:
        funds = list(self.extra_funds.all())
        return sum(f.used for f in funds) if funds else None


class ExtraFunds(models.Model):
    """Funds beyond the members' contributions (ESF, Tillväxtverket, MUCF …) in a year."""

    follow_up = models.ForeignKey(
        FollowUp, on_delete=models.CASCADE, related_name="extra_funds", verbose_name="uppföljning"
    )
    source = models.CharField("givare", max_length=200)
    granted = models.BigIntegerField("beviljat (kr)")
    used = models.BigIntegerField("förbrukat (kr)")

    class Meta:
        ordering = ["follow_up", "source"]
        constraints = [
            models.UniqueConstraint(fields=["follow_up", "source"], name="extra_funds_source"),
        ]
        verbose_name = "extra medel"
        verbose_name_plural = "extra medel"

    def __str__(self) -> str:
        return f"{self.source}: {self.granted} kr"
