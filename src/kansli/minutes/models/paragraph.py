from django.db import models

from kansli.meetings.models import AgendaItem
from kansli.people.models import Organization, Person
from kansli.registry.models import Case

from .minutes import Minutes


class Paragraph(models.Model):
    """One paragraph (§) of the minutes: the handling of one agenda item.

    Numbered per organization and calendar year, continuing across meetings. The decision
    starts as the item's proposal and is edited where the meeting decided otherwise.
    """

    minutes = models.ForeignKey(
        Minutes, on_delete=models.PROTECT, related_name="paragraphs", verbose_name="protokoll"
    )
    agenda_item = models.OneToOneField(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="paragraph",
        verbose_name="punkt",
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="paragraphs", verbose_name="organ"
    )
    year = models.PositiveSmallIntegerField("år")
    number = models.PositiveIntegerField("paragrafnummer")
    title = models.CharField("rubrik", max_length=500)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="paragraphs",
        verbose_name="ärende",
    )
    is_public = models.BooleanField("offentlig", default=True)
    summary = models.TextField("ärendebeskrivning", blank=True)
    decision_formula = models.CharField("beslutsformel", max_length=300, blank=True)
    decision_clauses = models.JSONField("beslutssatser", default=list, blank=True)
    proposition_order = models.TextField("propositionsordning", blank=True)
    send_to = models.JSONField("skickas till", default=list, blank=True)
    immediately_adjusted_on = models.DateField("omedelbart justerad", null=True, blank=True)
    # The adjusted paragraph's extract as registered (upprättad) in its case (records.py).
    extract_document = models.ForeignKey(
        "registry.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="registrerat protokollsutdrag",
    )
    withdrawn = models.BooleanField(
        "utgick",
        default=False,
        help_text="Ärendet utgick från dagordningen vid sammanträdet; inget beslut fattades.",
    )
    urgent_consent = models.BooleanField(
        "samtliga närvarande beslutade att ärendet får avgöras",
        default=False,
        help_text="Fullmäktige: ärendet har inte tillkännagetts, men samtliga närvarande "
        "ledamöter beslutade att det brådskande ärendet ändå får avgöras (kommunallagen 5 kap. "
        "52 §).",
    )
    content_hash = models.CharField("kontrollsumma (SHA-256)", max_length=64, blank=True)
    sealed_content = models.JSONField("justerat innehåll", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["organization", "year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "number"], name="paragraph_unique_number"
            ),
        ]
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"

    def __str__(self) -> str:
        return f"{self.label} {self.title}"

    @property
    def label(self) -> str:
        return f"§ {self.number}"

    @property
    def is_locked(self) -> bool:
        return self.immediately_adjusted_on is not None or self.minutes.is_locked


class Disqualification(models.Model):
    """A person who does not take part in one paragraph because of a conflict (jäv)."""

    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="disqualifications"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "person"], name="disqualification_unique_person"
            ),
        ]
        verbose_name = "jäv"
        verbose_name_plural = "jäv"

    def __str__(self) -> str:
        return f"{self.person} jävig"


class Proposal(models.Model):
    """A member's proposal at the meeting (yrkande), in the order the chair put it."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="proposals")
    position = models.PositiveSmallIntegerField("ordning")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("yrkande")

    class Meta:
        ordering = ["paragraph", "position"]
        verbose_name = "yrkande"
        verbose_name_plural = "yrkanden"

    def __str__(self) -> str:
        return f"Yrkande av {self.person}"


class Reservation(models.Model):
    """A member's reservation against the decision, with its written motivation."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="reservations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("motivering", blank=True)

    class Meta:
        ordering = ["paragraph", "pk"]
        verbose_name = "reservation"
        verbose_name_plural = "reservationer"

    def __str__(self) -> str:
        return f"Reservation av {self.person}"


class MinutesNote(models.Model):
    """A note to the minutes (protokollsanteckning)."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="notes")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField("anteckning")

    class Meta:
        ordering = ["paragraph", "pk"]
        verbose_name = "protokollsanteckning"
        verbose_name_plural = "protokollsanteckningar"

    def __str__(self) -> str:
        return "Protokollsanteckning"
