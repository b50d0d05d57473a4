from django.conf import settings
from django.db import models

from .party import Party


class Person(models.Model):
    """An elected representative (förtroendevald)."""

    first_name = models.CharField("förnamn", max_length=100)
    last_name = models.CharField("efternamn", max_length=100)
    party = models.ForeignKey(
        Party,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name="parti",
    )
    email = models.EmailField(
        "e-post",
        blank=True,
        help_text="Adressen kallelser och ändringar av sammanträden skickas till "
        "(uppdragsadressen, inte en privat adress).",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name="inloggning",
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = "förtroendevald"
        verbose_name_plural = "förtroendevalda"

    def __str__(self) -> str:
        return f"{self.name} ({self.party.code})" if self.party else self.name

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"
