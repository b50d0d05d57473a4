from django.db import models

from kansli.registry.rules import secrecy_marking

from .case import Case


class DocumentKind(models.TextChoices):
    INCOMING = "inkommen", "Inkommen"
    DRAWN_UP = "upprattad", "Upprättad"
    OUTGOING = "utgaende", "Utgående"


class Visibility(models.TextChoices):
    """Who may see a document. Decided in the selectors, nowhere else."""

    PUBLIC = "offentlig", "Offentlig"
    INTERNAL = "intern", "Ej publicerad"  # staff and elected members, not the public
    SECRET = "sekretess", "Sekretess"  # the registry and the case's official only


class Document(models.Model):
    """A registered document (handling) of a case, numbered <case number>-N."""

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="documents", verbose_name="ärende"
    )
    sequence = models.PositiveIntegerField("nummer")
    kind = models.CharField("typ", max_length=20, choices=DocumentKind.choices)
    date = models.DateField("datum", help_text="Inkom, upprättades eller skickades.")
    document_type = models.CharField(
        "handlingstyp",
        max_length=100,
        blank=True,
        help_text="T.ex. Protokoll, Tjänsteskrivelse; avgör bevarande och gallring enligt "
        "informationshanteringsplanen.",
    )
    counterpart = models.CharField("avsändare/mottagare", max_length=300, blank=True)
    description = models.CharField("beskrivning", max_length=500)
    visibility = models.CharField(
        "åtkomst", max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    secrecy = models.CharField("sekretess (OSL)", max_length=100, blank=True)
    # The secrecy marking's date and authority (OSL 5 kap. 5 §), set when it is made.
    secrecy_marked_on = models.DateField("sekretessmarkerad", null=True, blank=True)
    secrecy_authority = models.CharField("markerad av", max_length=300, blank=True)
    file = models.FileField("fil", upload_to="documents/%Y/%m/", blank=True)
    file_name = models.CharField("filnamn", max_length=255, blank=True)
    content_type = models.CharField("filtyp", max_length=120, blank=True)
    size = models.PositiveBigIntegerField("storlek", null=True, blank=True)
    sha256 = models.CharField("kontrollsumma", max_length=64, blank=True)
    pages = models.PositiveIntegerField("sidor", null=True, blank=True)
    # The file's text, read by a background task after registration (registry/text.py).
    text = models.TextField("text", blank=True, editable=False)
    registered_at = models.DateTimeField("registrerad", auto_now_add=True)

    class Meta:
        ordering = ["case", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["case", "sequence"], name="document_unique_number"),
            models.CheckConstraint(
                condition=~models.Q(visibility="sekretess") | ~models.Q(secrecy=""),
                name="document_secret_has_paragraph",
            ),
        ]
        verbose_name = "handling"
        verbose_name_plural = "handlingar"

    def __str__(self) -> str:
        # A secret document's description is withheld wherever the object is printed.
        if self.is_secret or self.case.is_secret:
            return self.number
        return f"{self.number} {self.description}"

    @property
    def number(self) -> str:
        return f"{self.case.number}-{self.sequence}"

    @property
    def is_secret(self) -> bool:
        return self.visibility == Visibility.SECRET

    @property
    def secrecy_marking(self) -> str:
        """The marking as shown (OSL 5 kap. 5 §): provision, date and authority."""
        return secrecy_marking(self.secrecy, self.secrecy_marked_on, self.secrecy_authority)
