"""Incoming information reported to a body (meddelandeärende)."""

from django.conf import settings
from django.db import models

from kansli.meetings.models import AgendaItem
from kansli.people.models import Organization
from kansli.registry.models import Case


class Communication(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="communications",
        verbose_name="organ",
    )
    received_on = models.DateField("inkom")
    sender = models.CharField("avsändare", max_length=200)
    summary = models.CharField("meddelandet i korthet", max_length=1000)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="communications",
        verbose_name="ärende",
    )
    report_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communications",
        verbose_name="anmäld under punkt",
    )
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
        ordering = ["received_on", "pk"]
        verbose_name = "meddelande"
        verbose_name_plural = "meddelanden"

    def __str__(self) -> str:
        return f"{self.sender} {self.received_on.isoformat()}: {self.summary[:60]}"
