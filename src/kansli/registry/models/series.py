from django.core.validators import RegexValidator
from django.db import models

from kansli.people.models import Body


class Series(models.Model):
    """A series of the registry (e.g. RS, the regional board's), numbered per year."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="series", verbose_name="huvudman"
    )
    code = models.CharField(
        "serie",
        max_length=12,
        validators=[
            RegexValidator(r"^[A-ZÅÄÖ]{1,12}$", "Serien anges med 1–12 versaler, t.ex. RS.")
        ],
    )
    name = models.CharField("benämning", max_length=200)
    is_default = models.BooleanField(
        "standardserie",
        default=False,
        help_text="Serien som föreslås när ett ärende registreras och som används när ingen "
        "serie anges, t.ex. för sammanträdets eget ärende. En per huvudman.",
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["body", "code"], name="series_unique_code"),
            models.UniqueConstraint(
                fields=["body"],
                condition=models.Q(is_default=True),
                name="series_one_default_per_body",
                violation_error_message="Huvudmannen har redan en standardserie.",
            ),
        ]
        verbose_name = "diarieserie"
        verbose_name_plural = "diarieserier"

    def __str__(self) -> str:
        return f"{self.code} – {self.name}" if self.code else self.name

    def clean(self) -> None:
        self.code = self.code.strip().upper()
