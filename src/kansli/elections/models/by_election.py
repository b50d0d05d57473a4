"""A seat to fill for the rest of a term (fyllnadsval), and who was elected to it."""

from django.db import models

from kansli.people.models import Membership, MembershipRole, Organization, Party, Person

from .resignation import Resignation


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
    def role_label(self) -> str:
        return str(MembershipRole(self.role).label).lower()
