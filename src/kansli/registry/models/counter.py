from django.db import models

from .series import Series


class CaseNumberCounter(models.Model):
    """The last running number handed out in one series and year.

    Allocation locks this row (SELECT … FOR UPDATE on PostgreSQL, an immediate
    transaction on SQLite), so concurrent registrations never get the same number.
    """

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="counters")
    year = models.PositiveSmallIntegerField("år")
    last_number = models.PositiveIntegerField("senaste löpnummer", default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="counter_unique_series_year"),
        ]
        verbose_name = "nummerräknare"
        verbose_name_plural = "nummerräknare"

    def __str__(self) -> str:
        return f"{self.series.code} {self.year}: {self.last_number}"
