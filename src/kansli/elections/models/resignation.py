"""A request to be released from a seat (entledigande)."""

from django.db import models

from kansli.meetings.models import AgendaItem
from kansli.people.models import Membership
from kansli.registry.models import Case


class ResignationStatus(models.TextChoices):
    RECEIVED = "inkommen", "Inkommen"
    PROPOSED = "pa_dagordningen", "På dagordningen"
    GRANTED = "beviljad", "Beviljad"


class Resignation(models.Model):
    membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="resignations", verbose_name="uppdrag"
    )
    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, related_name="resignation", verbose_name="ärende"
    )
    requested_on = models.DateField("begäran inkom")
    status = models.CharField(
        "läge", max_length=20, choices=ResignationStatus.choices, default=ResignationStatus.RECEIVED
    )
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="punkt på dagordningen",
    )
    decided_on = models.DateField("beviljad", null=True, blank=True)

    class Meta:
        ordering = ["-requested_on", "-pk"]
        verbose_name = "entledigande"
        verbose_name_plural = "entlediganden"

    def __str__(self) -> str:
        return f"Entledigande: {self.membership}"
