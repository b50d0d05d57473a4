"""The briefing memo (föredragnings-PM): header, proposal, sections, basis, signature and
recipients."""

from django.conf import settings
from django.db import models

from kansli.people.models import Official, Organization, Person
from kansli.registry.models import Case, Document

from .proposal import DecisionProposal


class MemoStatus(models.TextChoices):
    DRAFT = "utkast", "Utkast"
    READY = "klar", "Klar"


class SectionKey(models.TextChoices):
    """The standard sections, in the order a memo prints them (DOMAIN.md, "The briefing memo")."""

    SUMMARY = "sammanfattning", "Sammanfattning"
    DESCRIPTION = "arendebeskrivning", "Ärendebeskrivning"
    PREPARATION = "beredning", "Beredning"
    ASSESSMENT = "bedomning", "Bedömning"
    CONSEQUENCES = "konsekvenser", "Konsekvenser för miljö-, barn- och jämställdhetsperspektiven"
    ECONOMY = "ekonomi", "Ekonomiska konsekvenser"
    FOLLOW_UP = "uppfoljning", "Uppföljning"


# Sections every memo must fill (they may say "inga").
REQUIRED_SECTIONS = (
    SectionKey.SUMMARY,
    SectionKey.CONSEQUENCES,
    SectionKey.ECONOMY,
    SectionKey.FOLLOW_UP,
)


class Memo(models.Model):
    """A briefing memo for one case before one organization's meeting.

    The header values (organ, meeting date, dnr, unit, official) are stored as the memo shows
    them: they are filled from the case and the meeting, and validation checks that they still
    agree with them.
    """

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="memos", verbose_name="ärende"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="memos", verbose_name="organ"
    )
    meeting_date = models.DateField("sammanträdesdatum")
    case_number = models.CharField("diarienummer", max_length=60)
    unit = models.CharField("tjänsteställe", max_length=200, blank=True)
    official = models.ForeignKey(
        Official,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memos",
        verbose_name="handläggare",
    )
    official_name = models.CharField("handläggarens namn", max_length=200, blank=True)
    title = models.CharField("rubrik", max_length=500)
    proposal = models.OneToOneField(
        DecisionProposal,
        on_delete=models.PROTECT,
        related_name="memo",
        verbose_name="förslag till beslut",
    )
    signatory_name = models.CharField("underskrift, namn", max_length=200, blank=True)
    signatory_title = models.CharField("underskrift, titel", max_length=200, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=MemoStatus.choices, default=MemoStatus.DRAFT
    )
    ready_at = models.DateTimeField("klarmarkerad", null=True, blank=True)
    ready_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="klarmarkerad av",
    )
    updated_at = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        ordering = ["-meeting_date", "case_number"]
        verbose_name = "föredragnings-PM"
        verbose_name_plural = "föredragnings-PM"

    def __str__(self) -> str:
        if self.case.is_secret:
            return f"FöredragningsPM {self.case_number}"
        return f"FöredragningsPM {self.case_number} {self.title}"

    @property
    def is_ready(self) -> bool:
        return self.status == MemoStatus.READY


class MemoSection(models.Model):
    """One standard section's text, in the safe Markdown subset of `memos.markup`."""

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField("avsnitt", max_length=30, choices=SectionKey.choices)
    text = models.TextField("text", blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["memo", "key"], name="memo_section_unique_key"),
        ]
        verbose_name = "avsnitt"
        verbose_name_plural = "avsnitt"

    def __str__(self) -> str:
        return self.get_key_display()


class BasisEntry(models.Model):
    """One line of the beslutsunderlag; may link the registered document it names."""

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="basis")
    position = models.PositiveSmallIntegerField("ordning")
    text = models.CharField("underlag", max_length=500)
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="basis_entries",
        verbose_name="handling",
    )

    class Meta:
        ordering = ["memo", "position"]
        constraints = [
            models.UniqueConstraint(fields=["memo", "position"], name="basis_unique_position"),
        ]
        verbose_name = "beslutsunderlag"
        verbose_name_plural = "beslutsunderlag"

    def __str__(self) -> str:
        return self.text


class RecipientKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organ", "Organ"
    TEXT = "text", "Fritext"


class Recipient(models.Model):
    """One entry of "Skickas till": a person, an organization or free text."""

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="recipients")
    position = models.PositiveSmallIntegerField("ordning")
    kind = models.CharField("typ", max_length=20, choices=RecipientKind.choices)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.CharField("mottagare", max_length=300, blank=True)

    class Meta:
        ordering = ["memo", "position"]
        constraints = [
            models.UniqueConstraint(fields=["memo", "position"], name="recipient_unique_position"),
        ]
        verbose_name = "mottagare"
        verbose_name_plural = "skickas till"

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.kind == RecipientKind.PERSON and self.person is not None:
            return str(self.person)
        if self.kind == RecipientKind.ORGANIZATION and self.organization is not None:
            return self.organization.name
        return self.text
