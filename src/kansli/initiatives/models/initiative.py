from django.db import models

from kansli.meetings.models import AgendaItem
from kansli.people.models import Body, Organization, Person
from kansli.registry.models import Case


class InitiativeKind(models.TextChoices):
    MOTION = "motion", "Motion"
    CITIZEN_PROPOSAL = "medborgarforslag", "Medborgarförslag"


class InitiativeStatus(models.TextChoices):
    """Where the initiative is in its workflow; each step has its date."""

    RECEIVED = "inkommen", "Inkommen"
    ANNOUNCED = "anmald", "Anmäld i fullmäktige"
    REFERRED = "remitterad", "Remitterad för beredning"
    DELEGATED = "overlamnad", "Överlämnad till nämnd för beslut"
    DECIDED = "avgjord", "Avgjord"


class Outcome(models.TextChoices):
    GRANTED = "bifallen", "Bifallen"
    REJECTED = "avslagen", "Avslagen"
    ANSWERED = "besvarad", "Besvarad"
    WRITTEN_OFF = "avskriven", "Avskriven"


class Initiative(models.Model):
    """A written proposal that comes to fullmäktige from outside the case flow: a member's
    motion (CouncilMotion) or a resident's citizen proposal (CitizenProposal). One table, the
    kind telling them apart; the proxies below carry the glossary's names."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="initiatives", verbose_name="huvudman"
    )
    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, related_name="initiative", verbose_name="ärende"
    )
    kind = models.CharField("slag", max_length=20, choices=InitiativeKind.choices)
    title = models.CharField("rubrik", max_length=400)  # the agenda item adds its prefix
    received_on = models.DateField("inkom")
    status = models.CharField(
        "läge", max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.RECEIVED
    )
    # A motion's authors, elected members; their parties are read from them.
    authors = models.ManyToManyField(
        Person, blank=True, related_name="council_motions", verbose_name="motionärer"
    )
    # A citizen proposal's proposer: a private person, shown publicly only with consent.
    proposer_name = models.CharField("förslagsställare", max_length=200, blank=True)
    publish_name = models.BooleanField("namnet får publiceras", default=False)
    announced_on = models.DateField("anmäld", null=True, blank=True)
    announced_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="punkt där den anmäls",
    )
    referred_to = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="remitterad till",
    )
    referred_on = models.DateField("remitterad", null=True, blank=True)
    delegated_to = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="överlämnad till",
    )
    delegated_on = models.DateField("överlämnad", null=True, blank=True)
    # The reports to fullmäktige of initiatives not yet decided (KL 5 kap. 35 §) it was in.
    reports = models.ManyToManyField(
        AgendaItem,
        blank=True,
        related_name="reported_initiatives",
        verbose_name="redovisad som obesvarad under",
    )
    decided_on = models.DateField("avgjord", null=True, blank=True)
    outcome = models.CharField("beslut", max_length=20, choices=Outcome.choices, blank=True)
    decision_reference = models.CharField(
        "beslutet", max_length=200, blank=True, help_text="Till exempel ”RF 2020-09-30 § 123”."
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = "motion eller medborgarförslag"
        verbose_name_plural = "motioner och medborgarförslag"

    def __str__(self) -> str:
        return self.title

    @property
    def is_motion(self) -> bool:
        return self.kind == InitiativeKind.MOTION

    @property
    def noun(self) -> str:
        """ "motionen" / "medborgarförslaget", for clauses and messages."""
        return "motionen" if self.is_motion else "medborgarförslaget"

    def word(self, common: str, neuter: str) -> str:
        """The form that agrees with the noun: "motionen är anmäld", "medborgarförslaget är
        anmält"."""
        return common if self.is_motion else neuter

    def public_proposer(self) -> str:
        """The proposer's name where the public reads: only with their consent."""
        return self.proposer_name if self.publish_name else ""

    def public_from(self) -> str:
        """Who it is from, as the public may read it: a motion's authors with their parties
        ("Jens Exempelsson (V), Maria Prov (V)"), a proposer only with consent."""
        if self.is_motion:
            authors = sorted(self.authors.all(), key=lambda p: (p.last_name, p.first_name))
            return ", ".join(str(p) for p in authors)
        return self.public_proposer()


class _KindManager(models.Manager["Initiative"]):
    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def get_queryset(self) -> models.QuerySet["Initiative"]:
        return super().get_queryset().filter(kind=self.kind)


class CouncilMotion(Initiative):
    objects = _KindManager(InitiativeKind.MOTION)  # type: ignore[misc,assignment]

    class Meta:
        proxy = True
        verbose_name = "motion"
        verbose_name_plural = "motioner"


class CitizenProposal(Initiative):
    objects = _KindManager(InitiativeKind.CITIZEN_PROPOSAL)  # type: ignore[misc,assignment]

    class Meta:
        proxy = True
        verbose_name = "medborgarförslag"
        verbose_name_plural = "medborgarförslag"
