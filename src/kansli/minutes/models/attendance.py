from django.db import models

from kansli.people.models import Person

from .minutes import Minutes


class Attendance(models.Model):
    """A person present at the meeting, from one item to another (members come and go).

    `from_item`/`to_item` are agenda item numbers; empty means from the start / to the end.
    `replaces` is the secretary's choice of whom a substitute serves for, which takes
    precedence over the order Kansli proposes.
    """

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="attendance", verbose_name="protokoll"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name="person"
    )
    from_item = models.PositiveSmallIntegerField("närvarande från punkt", null=True, blank=True)
    to_item = models.PositiveSmallIntegerField(
        "närvarande till och med punkt", null=True, blank=True
    )
    replaces = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="tjänstgör för",
    )

    class Meta:
        ordering = ["minutes", "person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "person"], name="attendance_unique_person"),
        ]
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"

    def __str__(self) -> str:
        return f"{self.person} närvarande"

    def covers(self, item_number: int) -> bool:
        return (self.from_item is None or self.from_item <= item_number) and (
            self.to_item is None or item_number <= self.to_item
        )
