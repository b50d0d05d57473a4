"""Finsam law rules. Pure functions on Decimal and date.

Source: lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser ("Finsam-lagen"),
and the förbundsordning of each federation; DOMAIN.md, "Finsam".
"""

import datetime
from collections.abc import Mapping, Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import TypeVar

from kansli.core.law import cites, local_rule, practice

Key = TypeVar("Key")

# Finsam-lagen 5 §: the state half, the region a quarter, the municipalities a quarter.
STATE_SHARE = Decimal("0.5")
REGION_SHARE = Decimal("0.25")
MUNICIPALITIES_SHARE = Decimal("0.25")

# Finsam-lagen (2003:1210) took effect on 1 January 2004: the first year with figures.
FIRST_FOLLOW_UP_YEAR = 2004

# The first general election of the current four-year cycle (vallagen (2005:837) 1 kap. 3 §:
# the second Sunday of September every fourth year).
ELECTION_YEAR = 2022


@practice(says="Belopp som ska gå jämnt upp delas med största restmetoden, i hela kronor.")
def largest_remainder(total: int, weights: Sequence[tuple[Key, Decimal]]) -> dict[Key, int]:
    """Split `total` whole kronor in proportion to `weights`, so that the parts add up to
    exactly `total` (Hamilton's largest-remainder method): every part is first rounded down,
    then the kronor left over go one each to the largest remainders. Ties go to the earlier
    entry, so the result does not depend on anything but the order given.

    ARCHITECTURE.md, convention 6: amounts that must add up are split this way.
    """
    if total < 0:
        raise ValueError("total must not be negative")
    if not weights:
        raise ValueError("nothing to split between")
    if any(weight < 0 for _, weight in weights):
        raise ValueError("weights must not be negative")
    whole = sum((weight for _, weight in weights), Decimal(0))
    if whole == 0:
        raise ValueError("weights must not all be zero")
    exact = [(key, Decimal(total) * weight / whole) for key, weight in weights]
    parts = {key: int(value.to_integral_value(rounding=ROUND_FLOOR)) for key, value in exact}
    left = total - sum(parts.values())
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i][1] - parts[exact[i][0]]), i))
    for index in by_remainder[:left]:
        parts[exact[index][0]] += 1
    return parts


@cites(
    "lag (2003:1210) 5 §",
    says="Försäkringskassan bidrar med hälften, regionerna med en fjärdedel och kommunerna "
    "med en fjärdedel.",
)
def member_contributions(state_amount: int) -> tuple[int, int]:
    """The region's and the municipalities' contributions (together) to a federation, in whole
    kronor, from the state's (Finsam-lagen 5 §: the state half, the region a quarter, the
    municipalities a quarter — so each of the two pays half of the state's amount).

    The two add up to exactly the state's amount; an odd krona goes to the region
    (largest remainder, ties to the first).
    """
    if state_amount < 0:
        raise ValueError("the state's amount must not be negative")
    parts = largest_remainder(
        state_amount, [("region", REGION_SHARE), ("municipalities", MUNICIPALITIES_SHARE)]
    )
    return parts["region"], parts["municipalities"]


@cites("lag (2003:1210) 5 §", says="Statens del är hälften av förbundets medel.")
def total_allocation(state_amount: int) -> int:
    """All members' contributions together (medelstilldelning): the state's amount is half
    of it (Finsam-lagen 5 §)."""
    return state_amount * 2


@local_rule(
    "förbundsordningen",
    says="Kommunernas fjärdedel delas efter folkmängden den 1 november året före.",
)
def population_reference_date(year: int) -> datetime.date:
    """The day whose population splits the municipalities' quarter for `year`: 1 November of
    the year before (the common rule of the förbundsordningar, e.g. SOFINT's 12 §)."""
    return datetime.date(year - 1, 11, 1)


@cites(
    "lag (2003:1210) 5 §",
    says="Kommunernas gemensamma fjärdedel fördelas mellan dem som de kommer överens om.",
)
def municipal_split(total: int, weights: Mapping[Key, Decimal | int]) -> dict[Key, int]:
    """The municipalities' quarter split between them by `weights` (inhabitants, or the
    fixed shares of the förbundsordning), in whole kronor adding up to `total`."""
    return largest_remainder(total, [(key, Decimal(value)) for key, value in weights.items()])


SHARE_TOLERANCE = Decimal("0.0001")  # 1/3 written as 0,333333 three times is 0,999999


@local_rule(
    "förbundsordningen",
    says="Kommunernas fasta andelar är tillsammans hela fjärdedelen.",
)
def fixed_shares_sum_problem(shares: Sequence[Decimal]) -> str:
    """Fixed shares in a förbundsordning divide the whole municipal quarter: they add up to
    1 (within rounding of shares like 1/3). Empty when they do; else the Swedish message."""
    total = sum(shares, Decimal(0))
    if abs(total - 1) <= SHARE_TOLERANCE:
        return ""
    shown = format(total.normalize(), "f").replace(".", ",")
    return f"Kommunernas fasta andelar är tillsammans {shown}, inte 1."


@cites(
    "lag (2005:837) 1 kap. 3 §",
    says="Allmänna val hålls vart fjärde år.",
    verified=False,
)
def election_year_before(day: datetime.date) -> int:
    """The year of the last general election on or before `day`'s year (every fourth year,
    ELECTION_YEAR being one)."""
    return day.year - (day.year - ELECTION_YEAR) % 4


@cites(
    "lag (2003:1210) 13 §",
    says="Förbundsstyrelsen väljs för fyra år från 1 april året efter valåret.",
)
def board_term(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The board's term of office that `day` falls in: four years from 1 April of the year
    after the general election (lag (2003:1210) 13 §: "Styrelsen väljs för fyra år, om inte
    kortare mandattid anges i förbundsordningen", counted "från och med den 1 april året efter
    det då val av fullmäktige har ägt rum i hela landet")."""
    election = election_year_before(day)
    start = datetime.date(election + 1, 4, 1)
    if day < start:
        start = datetime.date(election - 3, 4, 1)
    return start, datetime.date(start.year + 4, 3, 31)


@cites(
    "lag (2003:1210) 8 §",
    says="En förbundsordning gäller när alla medlemmar har fastställt den.",
)
def charter_in_force(
    members: Sequence[Key], adoptions: Mapping[Key, datetime.date]
) -> datetime.date | None:
    """The day a förbundsordning takes effect: when the last member has adopted it (lag
    (2003:1210) 8 §: the förbundsordning "skall fastställas av förbundets medlemmar"; 9 § lists
    what it must say). None while any member has not."""
    if not members or any(member not in adoptions for member in members):
        return None
    return max(adoptions[member] for member in members)


@practice(says="Uppföljning gäller år från 2004, då lagen trädde i kraft, till innevarande år.")
def follow_up_year_problem(year: int, current_year: int) -> str | None:
    """Why a year cannot have follow-up figures, or None: from the year Finsam-lagen
    (2003:1210) took effect to the current year (a year that has begun)."""
    if not FIRST_FOLLOW_UP_YEAR <= year <= current_year:
        return (
            f"Året {year} ligger utanför {FIRST_FOLLOW_UP_YEAR}–{current_year} (Finsam-lagen "
            f"gäller från {FIRST_FOLLOW_UP_YEAR}; uppföljning gäller ett år som har börjat)."
        )
    return None
