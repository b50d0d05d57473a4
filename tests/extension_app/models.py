from django.db import models


class Note(models.Model):
    """A note the test module keeps; a public one is searchable."""

    title = models.CharField("rubrik", max_length=200)
    text = models.TextField("text", blank=True)
    public = models.BooleanField("offentlig", default=False)

    class Meta:
        verbose_name = "anteckning"
        verbose_name_plural = "anteckningar"

    def __str__(self) -> str:
        return self.title
