"""A follow-up a decision or memo requires: by a date, or with the next interim report."""

from django.db import models

from kansli.memos.models import Memo
from kansli.registry.models import Case


class FollowUp(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="followups", verbose_name="ärende"
    )
    memo = models.ForeignKey(
        Memo,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followups",
        verbose_name="föredragnings-PM",
    )
    description = models.CharField("vad som följs upp", max_length=1000)
    with_interim_report = models.BooleanField("med delårsrapporten", default=False)
    due_on = models.DateField("senast")
    done_on = models.DateField("klar", null=True, blank=True)
    created_on = models.DateField("beslutad")

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = "uppföljning"
        verbose_name_plural = "uppföljningar"

    def __str__(self) -> str:
        return f"Uppföljning {self.case.number}: {self.description[:60]}"
