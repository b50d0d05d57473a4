from django.db import models

from kansli.meetings.models import Meeting
from kansli.people.models import Person


class MinutesStatus(models.TextChoices):
    DRAFT = "utkast", "Utkast"
    ADJUSTED = "justerat", "Justerat"


class Minutes(models.Model):
    """The minutes (protokoll) of one meeting: attendance, paragraphs, adjustment.

    Locked when the last required signature is made: `content_hash` then holds the SHA-256
    of the minutes' content, checked whenever they are shown or exported.
    """

    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="minutes", verbose_name="sammanträde"
    )
    status = models.CharField(
        "status", max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    chair = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ordförande",
    )
    adjuster = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="justerare",
    )
    second_adjuster = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="andra justerare",
    )
    substitute_adjuster = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ersättare för justerare",
    )
    secretary_name = models.CharField("sekreterare", max_length=200, blank=True)
    adjustment_place = models.CharField("justeringens plats", max_length=300, blank=True)
    adjustment_date = models.DateField("justeringens datum (planerat)", null=True, blank=True)
    kept_at = models.CharField(
        "förvaringsplats för protokollet",
        max_length=300,
        blank=True,
        help_text="Var protokollet finns, t.ex. Regionkansliet, Örebro.",
    )
    others_present = models.TextField(
        "övriga närvarande", blank=True, help_text="En per rad: namn, titel."
    )
    adjusted_on = models.DateField("justerat", null=True, blank=True)
    # The adjusted minutes as registered (upprättad) in the meeting's case (records.py).
    document = models.ForeignKey(
        "registry.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="registrerat protokoll",
    )
    locked_at = models.DateTimeField("låst", null=True, blank=True)
    content_hash = models.CharField("kontrollsumma (SHA-256)", max_length=64, blank=True)
    sealed_content = models.JSONField("justerat innehåll", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "protokoll"
        verbose_name_plural = "protokoll"

    def __str__(self) -> str:
        return f"Protokoll {self.meeting}"

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None
