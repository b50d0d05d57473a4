"""An authorisation (fullmakt, bemyndigande): who may do what for the body, from a decision
until its revocation takes effect (corpus item 8: the finance authorisations).

How an authorisation was given decides how it is revoked (lag (1915:218) om avtal, 12–16 and
18 §§): a revocation is decided on one day and takes effect when the event the act prescribes
happens (the bank is told, the document is taken back, ...). Until then the authorisation
still binds the body towards third parties. See rules.py."""

import datetime
from typing import TypeAlias

from django.db import models
from django.db.models.expressions import Combinable

from kansli.people.models import Body, Organization
from kansli.registry.models import Case


class GivenBy(models.TextChoices):
    """How the authorisation was made known; each way has its own way of revoking."""

    THIRD_PARTY = "tredje_man", "meddelande till tredje man"  # AvtL 13 §
    PUBLIC = "kungjord", "offentligt kungjord"  # AvtL 14 §
    POSITION = "befattning", "följer av befattning"  # AvtL 15 § (10 § 2 st.)
    DOCUMENT = "handling", "fullmaktshandling till fullmäktigen"  # AvtL 16 §
    HOLDER_ONLY = "fullmaktig", "bara meddelad fullmäktigen"  # AvtL 18 §


# The days of the events that can end an authorisation, as model fields (rules.REVOKING_EVENT
# says which one ends an authorisation given which way).
EVENT_FIELDS = (
    "third_party_told_on",
    "revocation_announced_on",
    "left_position_on",
    "document_returned_on",
    "holder_told_on",
)


def _event_after_decision(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(
            revocation_decided_on__isnull=False,
            **{f"{field}__gte": models.F("revocation_decided_on")},
        ),
        name=f"authorisation_{field}_after_decision",
    )


class Authorisation(models.Model):
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="authorisations", verbose_name="huvudman"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="authorisations",
        verbose_name="beslutande organ",
    )
    holder_name = models.CharField("innehavare", max_length=200)
    holder_title = models.CharField("befattning", max_length=300, blank=True)
    scope = models.CharField("får", max_length=1000)
    countersign = models.CharField(
        "i förening med",
        max_length=500,
        blank=True,
        help_text="Vem som ska kontrasignera eller teckna tillsammans med innehavaren.",
    )
    valid_from = models.DateField("gäller från")
    given_by = models.CharField(
        "hur fullmakten gavs",
        max_length=20,
        choices=GivenBy.choices,
        default=GivenBy.THIRD_PARTY,
        help_text="Avgör hur fullmakten återkallas (avtalslagen 12–16 och 18 §§).",
    )
    decision_reference = models.CharField("beslut", max_length=200, blank=True)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authorisations",
        verbose_name="ärende",
    )
    revocation_decided_on = models.DateField("återkallelsen beslutad", null=True, blank=True)
    revocation_reason = models.CharField("skäl för återkallelse", max_length=500, blank=True)
    third_party_told_on = models.DateField(
        "tredje man underrättad",
        null=True,
        blank=True,
        help_text="Dagen då meddelandet om återkallelsen kom fram till banken eller den andra "
        "som fått meddelande om fullmakten; har flera fått det, den sista av dem "
        "(avtalslagen 13 §).",
    )
    revocation_announced_on = models.DateField(
        "återkallelsen kungjord",
        null=True,
        blank=True,
        help_text="Dagen då återkallelsen kungjordes på samma sätt som fullmakten "
        "(avtalslagen 14 §).",
    )
    left_position_on = models.DateField(
        "innehavaren lämnade befattningen",
        null=True,
        blank=True,
        help_text="Dagen då innehavaren lämnade den befattning som fullmakten följer av "
        "(avtalslagen 15 §).",
    )
    document_returned_on = models.DateField(
        "fullmaktshandlingen återtagen eller förstörd",
        null=True,
        blank=True,
        help_text="Dagen då fullmaktshandlingen togs tillbaka från fullmäktigen eller förstördes "
        "(avtalslagen 16 §).",
    )
    holder_told_on = models.DateField(
        "fullmäktigen underrättad",
        null=True,
        blank=True,
        help_text="Dagen då beskedet om återkallelsen kom fram till innehavaren "
        "(avtalslagen 18 §).",
    )

    class Meta:
        ordering = ["holder_name", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revocation_decided_on__isnull=True)
                | models.Q(revocation_decided_on__gte=models.F("valid_from")),
                name="authorisation_revoked_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(given_by__in=GivenBy.values),
                name="authorisation_given_by_known",
            ),
            # Leaving the position ends an authorisation that follows from it whether or not a
            # revocation was decided first (AvtL 15 §): only from its first day.
            models.CheckConstraint(
                condition=models.Q(left_position_on__isnull=True)
                | models.Q(
                    revocation_decided_on__isnull=False,
                    left_position_on__gte=models.F("valid_from"),
                ),
                name="authorisation_left_position_after_start",
            ),
            *(
                _event_after_decision(field)
                for field in EVENT_FIELDS
                if field != "left_position_on"
            ),
        ]
        verbose_name = "fullmakt"
        verbose_name_plural = "fullmakter"

    def __str__(self) -> str:
        return f"{self.holder_name}: {self.scope[:80]}"

    @property
    def needs_countersignature(self) -> bool:
        return bool(self.countersign)

    def revocation_events(self) -> dict[str, datetime.date | None]:
        """The recorded event days, by field name (the keywords of the rules)."""
        return {field: getattr(self, field) for field in EVENT_FIELDS}


# An event day's field, as django-stubs types a nullable DateField (assigned, read).
EventField: TypeAlias = models.DateField[
    str | datetime.date | Combinable | None, datetime.date | None
]


def event_field(name: str) -> EventField:
    """The model field of an event day (one of EVENT_FIELDS), for its label and help text."""
    field = Authorisation._meta.get_field(name)
    if not isinstance(field, models.DateField) or name not in EVENT_FIELDS:
        raise ValueError(f"not an event of revoking: {name!r}")
    return field
