"""A decision taken under delegation (delegationsbeslut), reported to the delegating body."""

from django.conf import settings
from django.db import models

from kansli.meetings.models import AgendaItem
from kansli.people.models import Organization
from kansli.registry.models import Case

from .point import DelegationPoint


class DelegatedDecision(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="delegated_decisions",
        verbose_name="delegerande organ",
    )
    point = models.ForeignKey(
        DelegationPoint,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name="punkt i delegationsordningen",
    )
    decided_by = models.CharField("beslutsfattare", max_length=200)
    decided_on = models.DateField("beslutsdatum")
    summary = models.CharField("beslutet i korthet", max_length=1000)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegated_decisions",
        verbose_name="ärende",
    )
    urgent = models.BooleanField(
        "brådskande beslut av ordföranden",
        default=False,
        help_text="Anmäls alltid vid organets nästa sammanträde (kommunallagen 6 kap. 40 §).",
    )
    report_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegated_decisions",
        verbose_name="anmäld under punkt",
    )
    # A decision not reported to the body but open to appeal is kept in a separate record
    # (särskilt protokoll) whose posting on the notice board starts its appeal period. A
    # reported decision's period runs from the posting of the minutes where it was reported.
    posted_on = models.DateField("tillkännagivet på anslagstavlan", null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="registrerat av",
    )
    registered_at = models.DateTimeField("registrerat", auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = "delegationsbeslut"
        verbose_name_plural = "delegationsbeslut"

    def __str__(self) -> str:
        return f"{self.decided_by} {self.decided_on.isoformat()}: {self.summary[:60]}"
