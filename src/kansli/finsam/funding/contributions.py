"""The members' contributions for a year, from the state's amounts (rules.py does the law).

`contributions` reads the federations' members and populations and returns plain data for
the command line, the page and the memo alike.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from .. import rules
from ..models import Federation, MemberKind, Population, SplitRule
from ..selectors import state_amounts

_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_order(name: str) -> str:
    """A sort key in Swedish alphabetical order: case ignored, å ä ö after z."""
    return name.casefold().translate(_SWEDISH)


@dataclass(frozen=True)
class MunicipalPart:
    name: str
    basis: Decimal | None  # inhabitants on the reference day, or the fixed share
    amount: int | None


@dataclass
class Contribution:
    federation: Federation
    year: int
    state: int
    region: int
    municipalities: int
    split: list[MunicipalPart] = field(default_factory=list)
    previous_state: int | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.state + self.region + self.municipalities

    @property
    def previous_region(self) -> int | None:
        if self.previous_state is None:
            return None
        return rules.member_contributions(self.previous_state)[0]

    @property
    def change(self) -> int | None:
        previous = self.previous_region
        return None if previous is None else self.region - previous

    def as_dict(self) -> dict[str, object]:
        return {
            "federation": self.federation.short_name,
            "name": self.federation.name,
            "year": self.year,
            "state_amount": self.state,
            "region_amount": self.region,
            "municipalities_amount": self.municipalities,
            "municipalities": [
                {
                    "name": part.name,
                    "basis": None if part.basis is None else str(part.basis),
                    "amount": part.amount,
                }
                for part in self.split
            ],
            "previous_region_amount": self.previous_region,
            "change": self.change,
            "problems": self.problems,
        }


def _split(federation: Federation, year: int, total: int) -> tuple[list[MunicipalPart], list[str]]:
    municipalities = list(federation.members.filter(kind=MemberKind.MUNICIPALITY).order_by("name"))
    if not municipalities:
        return [], [f"{federation.name} har ingen kommun som medlem."]
    weights: dict[str, Decimal | None]
    if federation.split_rule == SplitRule.FIXED:
        weights = {m.name: m.fixed_share for m in municipalities}
        what = "fast andel"
    else:
        day = rules.population_reference_date(year)
        found = dict(
            Population.objects.filter(member__in=municipalities, on=day).values_list(
                "member__name", "inhabitants"
            )
        )
        weights = {
            m.name: Decimal(found[m.name]) if m.name in found else None for m in municipalities
        }
        what = f"invånarantal den {day.isoformat()}"
    missing = [name for name, weight in weights.items() if weight is None]
    if missing:
        parts = [MunicipalPart(name, None, None) for name in weights]
        return parts, [f"{what.capitalize()} saknas för {', '.join(missing)}."]
    known = {name: weight for name, weight in weights.items() if weight is not None}
    if sum(known.values()) <= 0 or any(weight < 0 for weight in known.values()):
        parts = [MunicipalPart(name, weight, None) for name, weight in known.items()]
        return parts, [f"Kommunernas {what} går inte att fördela efter (summan är noll)."]
    if federation.split_rule == SplitRule.FIXED:
        problem = rules.fixed_shares_sum_problem(list(known.values()))
        if problem:
            parts = [MunicipalPart(name, weight, None) for name, weight in known.items()]
            return parts, [f"{problem} Rätta andelarna på förbundets sida."]
    amounts = rules.municipal_split(total, known)
    return [MunicipalPart(name, weight, amounts[name]) for name, weight in known.items()], []


def contributions(
    year: int, state: dict[Federation, int], previous: dict[Federation, int] | None = None
) -> list[Contribution]:
    """Per federation: the state's amount, the region's and the municipalities' parts (each
    half the state's, Finsam-lagen 5 §), the municipalities' split, and last year's region
    amount with the change. `previous` holds last year's state amounts; without it they are
    read from what was recorded for the year before."""
    if previous is None:
        previous = state_amounts(viewer=None, federations=list(state), year=year - 1)
    result = []
    for federation, amount in sorted(state.items(), key=lambda item: swedish_order(item[0].name)):
        region, municipalities = rules.member_contributions(amount)
        split, problems = _split(federation, year, municipalities)
        result.append(
            Contribution(
                federation=federation,
                year=year,
                state=amount,
                region=region,
                municipalities=municipalities,
                split=split,
                previous_state=previous.get(federation),
                problems=problems,
            )
        )
    return result


@dataclass(frozen=True)
class Totals:
    state: int
    region: int
    municipalities: int
    previous_region: int | None
    change: int | None


def totals(rows: list[Contribution]) -> Totals:
    previous = [row.previous_region for row in rows]
    known = None if any(p is None for p in previous) else sum(p for p in previous if p)
    region = sum(row.region for row in rows)
    return Totals(
        state=sum(row.state for row in rows),
        region=region,
        municipalities=sum(row.municipalities for row in rows),
        previous_region=known,
        change=None if known is None else region - known,
    )
