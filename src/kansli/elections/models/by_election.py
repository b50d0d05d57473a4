"""A seat to fill for the rest of a term (fyllnadsval), and who was elected to it."""

from django.db import models

from kansli.people.models import Membership, MembershipRole, Organization, Party, Person

from .resignation import Resignation


class VacancyReason(models.TextChoices):
    """Why a seat fell vacant without a request to resign."""

    DEATH = "avliden", "Den förtroendevalda har avlidit"
    INELIGIBLE = "ej_valbar", "Valbarheten har upphört (t.ex. flyttat från kommunen)"
    OTHER = "annat", "Annat skäl"


class ByElection(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="by_elections", verbose_name="organ"
    )
    role = models.CharField("roll", max_length=30, choices=MembershipRole.choices)
    party = models.ForeignKey(
        Party,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="platsen tillhör",
    )
    end = models.DateField("till", help_text="Mandatperiodens eller det lediga uppdragets slut.")
    resignation = models.OneToOneField(
        Resignation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="by_election",
        verbose_name="efter entledigande",
    )
    # A seat vacated without a resignation: which seat, why and from when.
    vacated = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ledigt uppdrag",
    )
    vacancy_reason = models.CharField(
        "skäl", max_length=20, choices=VacancyReason.choices, blank=True
    )
    vacated_on = models.DateField("ledigt från", null=True, blank=True)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="föreslagen",
    )
    decided_on = models.DateField("vald", null=True, blank=True)
    membership = models.OneToOneField(
        Membership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="by_election",
        verbose_name="nytt uppdrag",
    )

    class Meta:
        ordering = ["-pk"]
        verbose_name = "fyllnadsval"
        verbose_name_plural = "fyllnadsval"

    def __str__(self) -> str:
        return f"Fyllnadsval: {self.get_role_display().lower()} i {self.organization}"

    @property
    def vacated_seat(self) -> Membership | None:
        """The seat this by-election fills: the resigned one, or one vacated otherwise."""
        return self.resignation.membership if self.resignation is not None else self.vacated

    @property
    def role_label(self) -> str:
        return str(MembershipRole(self.role).label).lower()
