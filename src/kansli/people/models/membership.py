import datetime

from django.db import models

from .organization import Organization
from .person import Person
from .term import Term


class MembershipRole(models.TextChoices):
    CHAIR = "ordforande", "Ordförande"
    FIRST_VICE_CHAIR = "vice_ordforande", "Vice ordförande"
    SECOND_VICE_CHAIR = "andre_vice_ordforande", "2:e vice ordförande"
    MEMBER = "ledamot", "Ledamot"
    SUBSTITUTE = "ersattare", "Ersättare"


CHAIR_ROLES = frozenset(
    {MembershipRole.CHAIR, MembershipRole.FIRST_VICE_CHAIR, MembershipRole.SECOND_VICE_CHAIR}
)
MEMBER_ROLES = CHAIR_ROLES | {MembershipRole.MEMBER}


class Membership(models.Model):
    """A person's seat in an organization for a period (uppdrag)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", verbose_name="person"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="memberships", verbose_name="organ"
    )
    role = models.CharField("roll", max_length=30, choices=MembershipRole.choices)
    start = models.DateField("från")
    end = models.DateField("till", null=True, blank=True)
    term = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="mandatperiod",
    )
    substitute_order = models.PositiveSmallIntegerField(
        "ordning bland ersättare",
        null=True,
        blank=True,
        help_text="Ersättarnas inkallelseordning inom partiet (1 = först).",
    )

    class Meta:
        ordering = ["organization", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="membership_end_after_start",
            ),
        ]
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}, {self.organization}"

    @property
    def last_day(self) -> datetime.date | None:
        """The last day the seat is held: its end, or its term's end when it has none."""
        if self.end is not None:
            return self.end
        return self.term.end if self.term_id is not None and self.term else None

    @property
    def is_member(self) -> bool:
        return self.role in MEMBER_ROLES
