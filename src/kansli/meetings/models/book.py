from django.conf import settings
from django.db import models

from kansli.registry.models import Document

from .meeting import Meeting


class BookEdition(models.TextChoices):
    MEMBERS = "ledamoter", "Ledamöternas version"
    PUBLIC = "offentlig", "Offentlig version"


class BookStatus(models.TextChoices):
    QUEUED = "koad", "I kö"
    RUNNING = "pagar", "Skapas"
    DONE = "klar", "Klar"
    FAILED = "fel", "Misslyckades"


class MeetingBook(models.Model):
    """One build of a meeting book (kallelse med handlingar) in one edition.

    The finished PDF is a registered document in the meeting's case; `content_hash` is the
    digest of everything the book is made of, so an unchanged book is not built again.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="books", verbose_name="sammanträde"
    )
    edition = models.CharField("version", max_length=20, choices=BookEdition.choices)
    status = models.CharField(
        "status", max_length=10, choices=BookStatus.choices, default=BookStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField("förlopp (%)", default=0)
    step = models.CharField("steg", max_length=200, blank=True)
    content_hash = models.CharField("innehållets kontrollsumma", max_length=64)
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="registrerad handling",
    )
    pages = models.PositiveIntegerField("sidor", null=True, blank=True)
    error = models.TextField("fel", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beställd av",
    )
    requested_at = models.DateTimeField("beställd", auto_now_add=True)
    finished_at = models.DateTimeField("klar", null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = "kallelse med handlingar"
        verbose_name_plural = "kallelser med handlingar"

    def __str__(self) -> str:
        return f"Kallelse {self.meeting} ({self.get_edition_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (BookStatus.DONE, BookStatus.FAILED)
