from django.db import models

from .body import Body


class Term(models.Model):
    """A term of office (mandatperiod), e.g. 2019-01-01 – 2022-12-31."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="terms", verbose_name="huvudman"
    )
    name = models.CharField("namn", max_length=100)
    start = models.DateField("från")
    end = models.DateField("till")

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="term_end_after_start"
            ),
        ]
        verbose_name = "mandatperiod"
        verbose_name_plural = "mandatperioder"

    def __str__(self) -> str:
        return self.name
