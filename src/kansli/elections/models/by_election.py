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
    vacated_on = models.DateField(
        "inträffade",
        null=True,
        blank=True,
        help_text="Dagen då personen avled eller valbarheten upphörde.",
    )
    # Its last day (rules.vacancy_end): the day of the event, or for a holder no longer
    # eligible in a seat given by fullmäktige the next council meeting (KL 4 kap. 7 §).
    seat_ends_on = models.DateField("uppdraget upphör", null=True, blank=True)
    # The seat's own end before it was cut short (None: it ran to the term's end), given
    # back when fullmäktige lets the holder keep the seat.
    vacated_end = models.DateField("uppdragets slut före vakansen", null=True, blank=True)
    kept_on = models.DateField(
        "får ha kvar uppdraget",
        null=True,
        blank=True,
        help_text="Dagen fullmäktige beslutade att personen får ha kvar uppdraget under "
        "återstoden av mandattiden (kommunallagen 4 kap. 7 §).",
    )
    kept_reference = models.CharField(
        "beslut", max_length=200, blank=True, help_text="T.ex. paragrafen i protokollet."
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
    def vacated_seat(self) -> Membership | None:
        """The seat this by-election fills: the resigned one, or one vacated otherwise."""
        return self.resignation.membership if self.resignation is not None else self.vacated

    @property
    def ends_at_council_meeting(self) -> bool:
        """The vacated seat ends at a council meeting after the event, not on its day."""
        return (
            self.seat_ends_on is not None
            and self.vacated_on is not None
            and self.seat_ends_on != self.vacated_on
        )

    @property
    def is_open(self) -> bool:
        """Still to fill: not elected, and fullmäktige has not let the holder keep the seat."""
        return self.decided_on is None and self.kept_on is None

    @property
    def role_label(self) -> str:
        return str(MembershipRole(self.role).label).lower()
