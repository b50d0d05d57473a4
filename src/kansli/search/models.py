"""The search index: one row per published thing. The full-text structure beside it depends on
the database (see migrations/0002_fulltext.py and backends/)."""

from django.core.exceptions import ValidationError
from django.db import models

from kansli.core.extensions import search_kinds


class SearchKind(models.TextChoices):
    MEETING = "sammantrade", "Sammanträde"
    CASE = "arende", "Ärende"
    DOCUMENT = "handling", "Handling"
    PARAGRAPH = "paragraf", "Protokollsparagraf"
    MEMO = "pm", "Tjänsteskrivelse"


def kind_choices() -> list[tuple[str, str]]:
    """The search app's kinds, then those other apps registered (decision 0018)."""
    return [*SearchKind.choices, *search_kinds()]


def kind_values() -> set[str]:
    return {value for value, _ in kind_choices()}


def kind_label(value: str) -> str:
    return dict(kind_choices()).get(value, value)


def validate_public_url(value: str) -> None:
    """Links in the results are paths on this site or http(s) addresses, never javascript:."""
    if value.startswith("/") and not value.startswith("//"):
        return
    if value.startswith(("https://", "http://")):
        return
    raise ValidationError("Länken måste vara en sökväg på webbplatsen eller en http(s)-adress.")


class SearchEntry(models.Model):
    """Something the anonymous public may read, as the publishing step handed it over.

    The organization is a foreign key (not a bare number) so that the results can name it in
    the same query and the filter lists only real organs; when an organ is deleted its entries
    stay searchable without one (SET_NULL).
    """

    key = models.CharField("nyckel", max_length=100, unique=True)
    kind = models.CharField("typ", max_length=20, choices=kind_choices)
    title = models.CharField("rubrik", max_length=1000)
    text = models.TextField("text", blank=True)
    url = models.CharField("länk", max_length=500, validators=[validate_public_url])
    date = models.DateField("datum", null=True, blank=True)
    organization = models.ForeignKey(
        "people.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="organ",
    )

    class Meta:
        verbose_name = "sökpost"
        verbose_name_plural = "sökposter"
        indexes = [
            models.Index(fields=["kind"], name="search_entry_kind"),
            # (date, id): the id range of a period, read from the index alone (PostgreSQL).
            models.Index(fields=["date", "id"], name="search_entry_date_id"),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.title[:80]}"
