from django.core.exceptions import ValidationError
from django.db import models

from kansli.people.case_numbers import CaseNumberFormat


def validate_case_number_format(pattern: str) -> None:
    try:
        CaseNumberFormat(pattern)
    except ValueError as error:
        raise ValidationError(str(error)) from error


class Body(models.Model):
    """The public body (region or municipality) that owns everything else.

    Its settings: the case-number format (see kansli.people.case_numbers) and the party
    order used when substitutes of other parties are called in.
    """

    name = models.CharField("namn", max_length=200, unique=True)
    short_name = models.CharField("kortnamn", max_length=40, blank=True)
    case_number_format = models.CharField(
        "diarienummerformat",
        max_length=40,
        default="{YY}{SERIES}{N}",
        validators=[validate_case_number_format],
        help_text="Mönster med {YY} eller {YYYY} (år), {SERIES} (serie) och {N} (löpnummer), "
        "t.ex. {YY}{SERIES}{N} för 20RS6617 eller {SERIES} {YYYY}/{N} för KS 2018/124.",
    )
    party_order = models.CharField(
        "partiordning",
        max_length=200,
        blank=True,
        help_text="Partiernas förkortningar i den ordning ersättare från andra partier "
        "kallas in, åtskilda med kommatecken (t.ex. S,M,SD,C,V,KD,L,MP).",
    )

    class Meta:
        verbose_name = "huvudman"
        verbose_name_plural = "huvudmän"

    def __str__(self) -> str:
        return self.name

    @property
    def party_order_codes(self) -> list[str]:
        return [code.strip() for code in self.party_order.split(",") if code.strip()]
