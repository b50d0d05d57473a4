from django.db import models


class Party(models.Model):
    """A political party, known by its short code (S, M, KD …)."""

    code = models.CharField("förkortning", max_length=10, unique=True)
    name = models.CharField("namn", max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = "parti"
        verbose_name_plural = "partier"

    def __str__(self) -> str:
        return self.code
