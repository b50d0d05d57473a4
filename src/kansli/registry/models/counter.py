from django.db import models

from kansli.people.models import Body


class CaseNumberCounter(models.Model):
    """The last running number handed out in one series and year of a Body.

    `series_code` is empty when the Body's format has no series: then one counter serves
    the whole Body per year. Allocation locks this row (SELECT … FOR UPDATE on PostgreSQL,
    an immediate transaction on SQLite), so concurrent registrations never share a number.
    """

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="counters")
    series_code = models.CharField("serie", max_length=12, blank=True)
    year = models.PositiveSmallIntegerField("år")
    last_number = models.PositiveIntegerField("senaste löpnummer", default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["body", "series_code", "year"], name="counter_unique_series_year"
            ),
        ]
        verbose_name = "nummerräknare"
        verbose_name_plural = "nummerräknare"

    def __str__(self) -> str:
        return f"{self.series_code or '–'} {self.year}: {self.last_number}"
