from django.db import models

from kansli.people.models import Body, Official, Organization
from kansli.registry.rules import secrecy_marking

from .series import Series


class CaseType(models.TextChoices):
    GENERAL = "allmant", "Allmänt ärende"
    COUNCIL_MOTION = "motion", "Motion"
    CITIZEN_PROPOSAL = "medborgarforslag", "Medborgarförslag"
    ELECTION = "val", "Val och entledigande"
    REPORT = "rapport", "Rapport och uppföljning"
    FINANCE = "ekonomi", "Ekonomi"
    GOVERNANCE = "styrdokument", "Styrdokument"
    DELEGATION = "delegation", "Delegationsbeslut och anmälningar"
    REFERRAL = "remiss", "Remiss"


class CaseStatus(models.TextChoices):
    OPEN = "oppet", "Pågående"
    CLOSED = "avslutat", "Avslutat"


class Case(models.Model):
    """A case (ärende) in the registry, known by its case number (diarienummer)."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="cases", verbose_name="huvudman"
    )
    series = models.ForeignKey(
        Series, on_delete=models.PROTECT, related_name="cases", verbose_name="serie"
    )
    year = models.PositiveSmallIntegerField("år")
    sequence = models.PositiveIntegerField("löpnummer")
    number = models.CharField("diarienummer", max_length=40)
    title = models.CharField("ärendemening", max_length=500)
    case_type = models.CharField(
        "ärendetyp", max_length=30, choices=CaseType.choices, default=CaseType.GENERAL
    )
    status = models.CharField(
        "status", max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="ansvarigt organ",
    )
    official = models.ForeignKey(
        Official,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="handläggare",
    )
    unit = models.CharField("enhet", max_length=200, blank=True)
    registered_on = models.DateField("registrerat")
    closed_on = models.DateField("avslutat", null=True, blank=True)
    closing_decision = models.CharField(
        "avslutat genom",
        max_length=300,
        blank=True,
        help_text="Beslutet som avslutade ärendet, t.ex. Regionstyrelsen 2020-08-26 § 112.",
    )
    process = models.ForeignKey(
        "registry.ClassNode",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="process (klassificering)",
    )
    secrecy = models.CharField(
        "sekretess (OSL)",
        max_length=100,
        blank=True,
        help_text="Lagrum om ärendet i sin helhet omfattas av sekretess, t.ex. OSL 21 kap. 1 §.",
    )
    # The secrecy marking's date and authority (OSL 5 kap. 5 §), set when it is made.
    secrecy_marked_on = models.DateField("sekretessmarkerad", null=True, blank=True)
    secrecy_authority = models.CharField("markerad av", max_length=300, blank=True)
    next_document_number = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "series", "year", "sequence"], name="case_unique_number"
            ),
            models.UniqueConstraint(fields=["body", "number"], name="case_unique_number_text"),
        ]
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"

    def __str__(self) -> str:
        # A secret case's title is withheld wherever the object is printed (admin, audit log).
        return self.number if self.is_secret else f"{self.number} {self.title}"

    @property
    def is_secret(self) -> bool:
        return bool(self.secrecy)

    @property
    def secrecy_marking(self) -> str:
        """The marking as shown (OSL 5 kap. 5 §): provision, date and authority."""
        return secrecy_marking(self.secrecy, self.secrecy_marked_on, self.secrecy_authority)
