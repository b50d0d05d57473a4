"""An assignment given by a body ("Uppdrag 53"), with its status and forecast."""

from django.db import models

from kansli.people.models import Body, Official, Organization
from kansli.registry.models import Case


class AssignmentStatus(models.TextChoices):
    NOT_STARTED = "ej_startat", "Ej startat"
    STARTED = "startat", "Startat"
    DONE = "klart", "Klart"


class Assignment(models.Model):
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="assignments", verbose_name="huvudman"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name="uppdragsgivare",
    )
    number = models.CharField("nummer", max_length=20)
    title = models.CharField("uppdraget", max_length=500)
    responsible = models.CharField("ansvarig", max_length=200)
    # The official who answers for it in Kansli (their start page shows it); `responsible` is
    # the role as the decision names it ("Regiondirektören").
    responsible_official = models.ForeignKey(
        Official,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name="ansvarig tjänsteperson",
    )
    given_on = models.DateField("givet")
    due_on = models.DateField("klart senast", null=True, blank=True)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name="ärende",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.NOT_STARTED,
    )
    forecast = models.CharField("prognos", max_length=1000, blank=True)
    reported_on = models.DateField("senast rapporterat", null=True, blank=True)
    completed_on = models.DateField("klart", null=True, blank=True)

    class Meta:
        ordering = ["organization", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="assignment_unique_number"
            ),
        ]
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"

    def __str__(self) -> str:
        return f"Uppdrag {self.number}: {self.title[:80]}"
