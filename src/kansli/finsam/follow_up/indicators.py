"""Indicators that mean the same in every federation, each one function with the definition
the user reads beside its value (DOMAIN.md, "Finsam", follow-up; the 2020 review of the
county's federations asked for exactly these).

A value is None when a figure it needs is missing or a denominator is zero: an indicator
never guesses.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

TARGET_GROUP_SHARE = Decimal("0.05")  # prop. 2002/03:132: about 5 % of those aged 16–64


class Figures(Protocol):
    """The follow-up figures an indicator reads (models.FollowUp has them all)."""

    member_contributions: int | None
    cost_individual: int | None
    cost_structural: int | None
    cost_administration: int | None
    participants: int | None
    participants_new: int | None
    participants_ended: int | None
    ended_to_work_or_studies: int | None
    ended_ready_for_regular: int | None
    population_16_64: int | None


def _ratio(numerator: int | Decimal | None, denominator: int | Decimal | None) -> Decimal | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def _percent(numerator: int | Decimal | None, denominator: int | Decimal | None) -> Decimal | None:
    ratio = _ratio(numerator, denominator)
    return None if ratio is None else ratio * 100


def cost_per_participant(f: Figures) -> Decimal | None:
    return _ratio(f.cost_individual, f.participants)


def cost_per_ended(f: Figures) -> Decimal | None:
    return _ratio(f.cost_individual, f.participants_ended)


def share_ended(f: Figures) -> Decimal | None:
    return _percent(f.participants_ended, f.participants)


def share_to_work_or_studies(f: Figures) -> Decimal | None:
    return _percent(f.ended_to_work_or_studies, f.participants_ended)


def share_ready_for_regular(f: Figures) -> Decimal | None:
    return _percent(f.ended_ready_for_regular, f.participants_ended)


def administration_share(f: Figures) -> Decimal | None:
    return _percent(f.cost_administration, f.member_contributions)


def target_group(f: Figures) -> Decimal | None:
    if f.population_16_64 is None:
        return None
    return Decimal(f.population_16_64) * TARGET_GROUP_SHARE


def target_group_reached(f: Figures) -> Decimal | None:
    return _percent(f.participants, target_group(f))


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str  # "kr", "%" or "personer"
    definition: str  # Swedish, shown to the user
    compute: Callable[[Figures], Decimal | None]


INDICATORS = (
    Indicator(
        "cost_per_participant",
        "Kostnad per deltagare",
        "kr",
        "Kostnaden för individinriktade insatser under året delad med antalet deltagare i "
        "insatserna under året.",
        cost_per_participant,
    ),
    Indicator(
        "cost_per_ended",
        "Kostnad per avslutad deltagare",
        "kr",
        "Kostnaden för individinriktade insatser under året delad med antalet deltagare som "
        "avslutades under året.",
        cost_per_ended,
    ),
    Indicator(
        "share_ended",
        "Andel avslutade",
        "%",
        "Avslutade deltagare under året i procent av alla deltagare under året.",
        share_ended,
    ),
    Indicator(
        "share_to_work_or_studies",
        "Andel avslutade till arbete eller studier",
        "%",
        "Deltagare som avslutades till arbete eller studier (med eller utan offentligt stöd) "
        "i procent av alla avslutade under året.",
        share_to_work_or_studies,
    ),
    Indicator(
        "share_ready_for_regular",
        "Andel avslutade redo för ordinarie insatser",
        "%",
        "Deltagare som avslutades redo för ordinarie verksamheters arbetslivsinriktade "
        "insatser i procent av alla avslutade under året.",
        share_ready_for_regular,
    ),
    Indicator(
        "administration_share",
        "Administrationens andel av medelstilldelningen",
        "%",
        "Kostnaden för administration (förbundschef, köpt administrativt stöd, styrelse, "
        "revision, overhead) i procent av medlemmarnas bidrag under året.",
        administration_share,
    ),
    Indicator(
        "target_group",
        "Målgrupp",
        "personer",
        "5 procent av befolkningen 16–64 år i förbundets kommuner (förarbetenas antagande, "
        "prop. 2002/03:132).",
        target_group,
    ),
    Indicator(
        "target_group_reached",
        "Andel av målgruppen som nåtts",
        "%",
        "Deltagare under året i procent av målgruppen (5 procent av befolkningen 16–64 år).",
        target_group_reached,
    ),
)

BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
