from django.db import models

from kansli.memos.models import DecisionProposal, Memo
from kansli.people.models import Organization
from kansli.registry.models import Case


class Meeting(models.Model):
    """A meeting (sammanträde) of one organization."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="meetings", verbose_name="organ"
    )
    date = models.DateField("datum")
    start_time = models.TimeField("starttid")
    end_time = models.TimeField("sluttid", null=True, blank=True)
    place = models.CharField("plats", max_length=300)
    absence_contact = models.CharField(
        "anmälan av förhinder till",
        max_length=300,
        blank=True,
        help_text="Vem ledamöterna meddelar förhinder, t.ex. nämndsekreteraren.",
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name="ärende för sammanträdet",
        help_text="Där kallelsen och protokollet registreras.",
    )
    cancelled_at = models.DateTimeField("inställt", null=True, blank=True)
    cancellation_reason = models.CharField(
        "skäl till att det ställdes in", max_length=300, blank=True
    )
    sequence = models.PositiveIntegerField(
        "ändringsnummer",
        default=0,
        help_text="Räknas upp när tid, plats eller status ändras (iCalendar SEQUENCE), så att "
        "kalendrar som fått kallelsen uppdaterar händelsen.",
    )

    class Meta:
        ordering = ["-date", "-start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="meeting_ends_after_start",
            ),
        ]
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"

    def __str__(self) -> str:
        return f"{self.organization} {self.date.isoformat()}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class AgendaItem(models.Model):
    """A numbered item on a meeting's agenda (föredragningslista), with or without a case."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name="sammanträde"
    )
    number = models.PositiveSmallIntegerField("nummer")
    title = models.CharField("rubrik", max_length=500)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name="ärende",
    )
    is_public = models.BooleanField(
        "offentligt",
        default=True,
        help_text="Ett ärende som inte är offentligt visas inte i den publicerade kallelsen.",
    )
    proposal = models.OneToOneField(
        DecisionProposal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_item",
        verbose_name="förslag till beslut",
    )
    memo = models.OneToOneField(
        Memo,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_item",
        verbose_name="föredragnings-PM",
    )
    withdrawn_at = models.DateTimeField("utgår", null=True, blank=True)
    withdrawal_reason = models.CharField("skäl till att ärendet utgår", max_length=300, blank=True)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_unique_number"),
        ]
        verbose_name = "ärende på dagordningen"
        verbose_name_plural = "dagordning"

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None
