from django.db import models

from kansli.people.models import Organization
from kansli.registry.models import Case


class StepStatus(models.TextChoices):
    WAITING = "vantar", "Väntar på dagordning"
    ON_AGENDA = "dagordning", "På dagordningen"
    DECIDED = "beslutad", "Beslutad"


class CaseStep(models.Model):
    """One passage of a case through one organization (beredning; OParl Consultation).

    A case put on an agenda gets a step for that meeting's organization. A decision that
    proposes to another body creates that body's next step, waiting for its agenda.
    """

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="steps", verbose_name="ärende"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="case_steps", verbose_name="organ"
    )
    position = models.PositiveSmallIntegerField("ordning")
    status = models.CharField(
        "status", max_length=20, choices=StepStatus.choices, default=StepStatus.WAITING
    )
    agenda_item = models.OneToOneField(
        "meetings.AgendaItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="step",
        verbose_name="punkt på dagordningen",
    )
    decided_on = models.DateField("beslutsdatum", null=True, blank=True)
    paragraph_label = models.CharField("paragraf", max_length=40, blank=True)
    decision_formula = models.CharField("beslutsformel", max_length=300, blank=True)
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_steps",
        verbose_name="föregående steg",
    )

    class Meta:
        ordering = ["case", "position"]
        constraints = [
            models.UniqueConstraint(fields=["case", "position"], name="case_step_unique_position"),
        ]
        verbose_name = "beredningssteg"
        verbose_name_plural = "beredningssteg"

    def __str__(self) -> str:
        return f"{self.case.number}: {self.organization} ({self.get_status_display()})"
