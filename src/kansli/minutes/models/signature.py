from django.conf import settings
from django.db import models

from kansli.people.models import Person

from .minutes import Minutes
from .paragraph import Paragraph


class SignatureRole(models.TextChoices):
    CHAIR = "ordforande", "Ordförande"
    ADJUSTER = "justerare", "Justerare"


class Signature(models.Model):
    """A signature on the minutes (or, for immediate adjustment, on one paragraph), made by
    the chair or an adjuster with their own login."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="signatures")
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.PROTECT, null=True, blank=True, related_name="signatures"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField("roll", max_length=20, choices=SignatureRole.choices)
    signed_at = models.DateTimeField("signerat")

    class Meta:
        ordering = ["minutes", "signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "person"],
                condition=models.Q(paragraph__isnull=True),
                name="signature_unique_minutes_person",
            ),
            models.UniqueConstraint(
                fields=["paragraph", "person"],
                condition=models.Q(paragraph__isnull=False),
                name="signature_unique_paragraph_person",
            ),
        ]
        verbose_name = "underskrift"
        verbose_name_plural = "underskrifter"

    def __str__(self) -> str:
        return f"{self.person} signerade {self.signed_at:%Y-%m-%d %H:%M}"
