"""Data checks on follow-up figures: what the 2020 review found wrong in the federations'
reports, caught before anyone compares (DOMAIN.md, "Finsam")."""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kansli.core.formatting import format_number

from .indicators import INDICATORS, Figures

# The figures every year must have; the rest may be missing.
REQUIRED = (
    ("member_contributions", "medlemsbidrag"),
    ("cost_individual", "kostnad för individinriktade insatser"),
    ("cost_administration", "kostnad för administration"),
    ("participants", "deltagare"),
    ("participants_new", "nya deltagare"),
    ("participants_ended", "avslutade deltagare"),
    ("population_16_64", "befolkning 16–64 år"),
)
# Figures that can never be negative (equity can).
NON_NEGATIVE = (
    ("member_contributions", "medlemsbidrag"),
    ("cost_individual", "kostnad för individinriktade insatser"),
    ("cost_structural", "kostnad för strukturövergripande insatser"),
    ("cost_administration", "kostnad för administration"),
    ("reception_team_cost", "mottagningsteamets kostnad"),
    ("coaching_team_cost", "coachingteamets kostnad"),
    ("participants", "deltagare"),
    ("participants_new", "nya deltagare"),
    ("participants_ended", "avslutade deltagare"),
    ("ended_to_work_or_studies", "avslutade till arbete eller studier"),
    ("ended_ready_for_regular", "avslutade redo för ordinarie insatser"),
    ("population_16_64", "befolkning 16–64 år"),
)


class YearFigures(Figures, Protocol):
    year: int


@dataclass(frozen=True)
class Problem:
    federation: str
    year: int
    message: str  # Swedish

    def __str__(self) -> str:
        return f"{self.federation} {self.year}: {self.message}"


def check_year(federation: str, f: YearFigures) -> list[Problem]:
    """Missing or negative figures, parts larger than their whole, shares over 100 %."""
    problems: list[str] = []
    for field, label in REQUIRED:
        if getattr(f, field) is None:
            problems.append(f"{label.capitalize()} saknas.")
    for field, label in NON_NEGATIVE:
        value = getattr(f, field, None)
        if value is not None and value < 0:
            problems.append(f"{label.capitalize()}: negativt värde ({format_number(value)}).")
    total, ended, new = f.participants, f.participants_ended, f.participants_new
    if total is not None and ended is not None and ended > total:
        problems.append(f"Fler avslutade ({ended}) än deltagare totalt ({total}).")
    if total is not None and new is not None and new > total:
        problems.append(f"Fler nya deltagare ({new}) än deltagare totalt ({total}).")
    if ended is not None:
        outcomes = [f.ended_to_work_or_studies, f.ended_ready_for_regular]
        known = [value for value in outcomes if value is not None]
        if sum(known) > ended:
            problems.append(
                f"Avslutade till arbete/studier och redo för ordinarie insatser ({sum(known)}) "
                f"är fler än alla avslutade ({ended})."
            )
    for indicator in INDICATORS:
        value = indicator.compute(f)
        if indicator.unit == "%" and value is not None and value > 100:
            problems.append(f"{indicator.label} är över 100 % ({format_number(value, 1)} %).")
    return [Problem(federation, f.year, message) for message in problems]


def check_years(federation: str, years: Sequence[YearFigures]) -> list[Problem]:
    """Every year's own checks, and between consecutive years: the participants at the start
    of a year (all minus the new) must be those at the end of the year before (all minus the
    ended) — the fault the review found in one federation's 2019 figures."""
    ordered = sorted(years, key=lambda f: f.year)
    problems = [problem for f in ordered for problem in check_year(federation, f)]
    for before, after in itertools.pairwise(ordered):
        if after.year != before.year + 1:
            continue
        if None in (
            after.participants,
            after.participants_new,
            before.participants,
            before.participants_ended,
        ):
            continue
        start = after.participants - after.participants_new  # type: ignore[operator]
        end = before.participants - before.participants_ended  # type: ignore[operator]
        if start != end:
            problems.append(
                Problem(
                    federation,
                    after.year,
                    f"Året började med {start} deltagare, men {before.year} slutade med {end} "
                    f"({start - end:+d}). Kontrollera registrerade mot unika individer och "
                    "anonyma deltagare.",
                )
            )
    return problems
