from django.db import models

from .minutes import Minutes
from .paragraph import Paragraph


class Posting(models.Model):
    """The notice on the digital notice board that minutes (or an immediately adjusted
    paragraph) are adjusted. The facts are stored as posted: they must not change."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="postings")
    paragraph = models.OneToOneField(
        Paragraph, on_delete=models.PROTECT, null=True, blank=True, related_name="posting"
    )
    organization_name = models.CharField("organ", max_length=200)
    meeting_date = models.DateField("sammanträdesdatum")
    adjusted_on = models.DateField("justeringsdatum")
    posted_on = models.DateField("anslaget uppsatt")
    last_appeal_day = models.DateField("sista dag för överklagande")
    listed_until = models.DateField("anslaget sitter uppe till och med")
    kept_at = models.CharField("förvaringsplats för protokollet", max_length=300)
    paragraphs = models.CharField("paragrafer", max_length=100)

    class Meta:
        ordering = ["-posted_on", "-pk"]
        verbose_name = "anslag"
        verbose_name_plural = "anslag"

    def __str__(self) -> str:
        return f"Anslag {self.organization_name} {self.meeting_date.isoformat()}"
