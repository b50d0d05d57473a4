from django.db import models

from kansli.people.models import Body


class ClassLevel(models.TextChoices):
    """The levels of a process-based classification structure (SKR's KLASSA)."""

    AREA = "verksamhetsomrade", "Verksamhetsområde"
    GROUP = "processgrupp", "Processgrupp"
    PROCESS = "process", "Process"


LEVEL_OF_DEPTH = {1: ClassLevel.AREA, 2: ClassLevel.GROUP, 3: ClassLevel.PROCESS}


class ClassNode(models.Model):
    """One class of the body's classification structure (klassificeringsstruktur), known by
    its code: "1" a verksamhetsområde, "1.2" a processgrupp, "1.2.3" a process. Cases are
    classified to a process; the informationshanteringsplan says per process what is kept."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="class_nodes", verbose_name="huvudman"
    )
    code = models.CharField("klass", max_length=20)
    name = models.CharField("benämning", max_length=200)
    level = models.CharField("nivå", max_length=20, choices=ClassLevel.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="överordnad klass",
    )
    # The case types (CaseType values) for which this process is proposed at registration.
    case_types = models.JSONField("föreslås för ärendetyper", default=list, blank=True)
    description = models.CharField("beskrivning", max_length=500, blank=True)

    class Meta:
        ordering = ["body", "code"]
        constraints = [
            models.UniqueConstraint(fields=["body", "code"], name="classnode_unique_code"),
        ]
        verbose_name = "klass"
        verbose_name_plural = "klassificeringsstruktur"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class RetentionAction(models.TextChoices):
    KEEP = "bevaras", "Bevaras"
    DISPOSE = "gallras", "Gallras"


class RetentionRule(models.Model):
    """A row of the informationshanteringsplan: for a process and a document type, keep for
    ever or dispose after a period (N years after the case was closed, or when no longer
    needed, "vid inaktualitet"), the format it is archived in and the legal basis. A rule
    with an empty document type covers the process's other documents."""

    process = models.ForeignKey(
        ClassNode, on_delete=models.CASCADE, related_name="retention_rules", verbose_name="process"
    )
    document_type = models.CharField(
        "handlingstyp",
        max_length=100,
        blank=True,
        help_text="T.ex. Protokoll, Tjänsteskrivelse. Tomt: processens övriga handlingar.",
    )
    action = models.CharField("bevaras/gallras", max_length=10, choices=RetentionAction.choices)
    years = models.PositiveSmallIntegerField("gallringsfrist (år)", null=True, blank=True)
    on_inactuality = models.BooleanField("vid inaktualitet", default=False)
    archive_format = models.CharField("format vid arkivering", max_length=100, blank=True)
    legal_basis = models.CharField("lagrum eller beslut", max_length=300, blank=True)
    note = models.CharField("anmärkning", max_length=500, blank=True)

    class Meta:
        ordering = ["process__code", "document_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "document_type"], name="retentionrule_unique_type"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(action="bevaras", years__isnull=True, on_inactuality=False)
                    | models.Q(action="gallras", years__isnull=False, on_inactuality=False)
                    | models.Q(action="gallras", years__isnull=True, on_inactuality=True)
                ),
                name="retentionrule_period_fits_action",
            ),
        ]
        verbose_name = "rad i informationshanteringsplanen"
        verbose_name_plural = "informationshanteringsplan"

    def __str__(self) -> str:
        return f"{self.process.code} {self.document_type or '(övriga)'}: {self.period_text}"

    @property
    def period_text(self) -> str:
        if self.action == RetentionAction.KEEP:
            return "Bevaras"
        if self.on_inactuality:
            return "Gallras vid inaktualitet"
        return f"Gallras efter {self.years} år"
