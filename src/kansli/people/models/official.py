from django.conf import settings
from django.db import models

from .body import Body


class Official(models.Model):
    """A civil servant (tjänsteperson): prepares cases, writes memos."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="officials", verbose_name="huvudman"
    )
    name = models.CharField("namn", max_length=200)
    unit = models.CharField("enhet", max_length=200, blank=True)
    title = models.CharField("titel", max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="official",
        verbose_name="inloggning",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "tjänsteperson"
        verbose_name_plural = "tjänstepersoner"

    def __str__(self) -> str:
        return f"{self.name}, {self.unit}" if self.unit else self.name
