from django.conf import settings
from django.db import models

from .meeting import Meeting


class Announcement(models.Model):
    """The announcement (tillkännagivande, the old "kungörelse") of a council meeting on the
    notice board: time, place and the items to be handled (KL 5 kap. 13 §), or a supplement
    with items too urgent for it (KL 5 kap. 14 §). The facts are stored as posted."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="announcements", verbose_name="sammanträde"
    )
    supplement = models.BooleanField("tillägg med brådskande ärenden", default=False)
    organization_name = models.CharField("organ", max_length=200)
    meeting_date = models.DateField("sammanträdesdatum")
    start_time = models.TimeField("tid")
    place = models.CharField("plats", max_length=300)
    items = models.JSONField("ärenden", default=list)
    posted_on = models.DateField("anslaget uppsatt")
    superseded = models.BooleanField(
        "ersatt",
        default=False,
        help_text="Sammanträdet flyttades och tillkännagavs på nytt; det här anslaget är nedtaget.",
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="anslaget av",
    )

    class Meta:
        ordering = ["-posted_on", "-pk"]
        verbose_name = "tillkännagivande av sammanträde"
        verbose_name_plural = "tillkännagivanden av sammanträden"

    def __str__(self) -> str:
        return f"Tillkännagivande {self.organization_name} {self.meeting_date.isoformat()}"
