"""The comparison across federations and years that the county's 2020 review asked for and
could not make: per indicator a table federation × year with its two charts, the figures
the indicators come from, and what the data checks found (DOMAIN.md, "Finsam", follow-up).

`report_from` is pure; `build_report` adds the one read through the selector.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kansli.core.formatting import format_number
from kansli.core.roles import Viewer
from kansli.people.models import Body

from .. import selectors
from ..models import FollowUp
from . import charts
from .checks import Problem, check_years
from .indicators import INDICATORS, Indicator

Figure = int | Decimal | None

# The figures entered per federation and year, in the model's order, with its labels.
KEY_FIGURES: tuple[tuple[str, str], ...] = (
    *(
        (f.name, str(f.verbose_name)[:1].upper() + str(f.verbose_name)[1:])
        for f in FollowUp._meta.concrete_fields
        if f.name not in ("id", "federation", "year")
    ),
    ("extra_granted", "Extra medel, beviljat (kr)"),  # FollowUp's sums of its ExtraFunds
    ("extra_used", "Extra medel, förbrukat (kr)"),
)

YEAR_PATTERN = re.compile(r"[0-9]{4}")
NAME_LIMIT = 200


@dataclass(frozen=True)
class FederationRef:
    pk: int
    name: str
    short_name: str


@dataclass(frozen=True)
class IndicatorRow:
    """One federation's values of an indicator, one per year of the report."""

    federation: FederationRef
    values: tuple[Decimal | None, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorSection:
    key: str
    label: str
    unit: str
    definition: str
    rows: tuple[IndicatorRow, ...]
    bar_title: str
    bar_chart: str  # SVG, every text in it escaped
    line_title: str
    line_chart: str


@dataclass(frozen=True)
class FigureRow:
    """The figures of one federation and year, and the indicators computed from them."""

    federation: FederationRef
    year: int
    figures: tuple[Figure, ...]  # in the order of KEY_FIGURES
    indicators: tuple[Decimal | None, ...]  # in the order of INDICATORS

    @property
    def figure_texts(self) -> tuple[str, ...]:
        return tuple(format_figure(value) for value in self.figures)


@dataclass(frozen=True)
class YearTable:
    """One year's key figures: a row per figure, a column per federation."""

    year: int
    federations: tuple[FederationRef, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (label, a text per federation)


@dataclass(frozen=True)
class Report:
    years: tuple[int, ...]
    chart_year: int | None
    federations: tuple[FederationRef, ...]
    sections: tuple[IndicatorSection, ...]
    figure_rows: tuple[FigureRow, ...]
    year_tables: tuple[YearTable, ...]
    problems: tuple[Problem, ...]
    errors: tuple[str, ...]  # Swedish: parameters that could not be followed
    federation_filter: FederationRef | None
    choices: tuple[FederationRef, ...]  # every federation with figures, to narrow to

    @property
    def is_empty(self) -> bool:
        return not self.figure_rows


@dataclass(frozen=True)
class Query:
    """The report's parameters as given: ar=YYYY and forbund=<name>."""

    year: int | None
    federation: str | None
    errors: tuple[str, ...]


def parse_query(params: Mapping[str, str]) -> Query:
    """Read ar and forbund; what is not understood is named in a Swedish message and left
    out."""
    errors: list[str] = []
    year: int | None = None
    raw_year = params.get("ar", "").strip()
    if raw_year:
        if YEAR_PATTERN.fullmatch(raw_year):
            year = int(raw_year)
        else:
            shown = charts.shorten(raw_year.replace("\x00", ""), 20)
            errors.append(
                f"”{shown}” är inget årtal. Ange året med fyra siffror, till exempel 2019."
            )
    name = " ".join(params.get("forbund", "").replace("\x00", "").split())[:NAME_LIMIT]
    return Query(year=year, federation=name or None, errors=tuple(errors))


def format_figure(value: Figure) -> str:
    if value is None:
        return "–"
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return format_number(value, 2)
    return format_number(value)


def _matches(name: str, ref_names: Iterable[str]) -> bool:
    wanted = " ".join(name.split()).casefold()
    return wanted in {" ".join(n.split()).casefold() for n in ref_names}


def _ref(follow_up: FollowUp) -> FederationRef:
    federation = follow_up.federation
    return FederationRef(federation.pk, federation.name, federation.short_name)


def _sorted(refs: Iterable[FederationRef]) -> tuple[FederationRef, ...]:
    return tuple(sorted(refs, key=lambda r: (r.short_name.casefold(), r.pk)))


def _section(
    indicator: Indicator,
    years: Sequence[int],
    chart_year: int | None,
    federations: Sequence[FederationRef],
    by_key: Mapping[tuple[int, int], FollowUp],
) -> IndicatorSection:
    rows = []
    for federation in federations:
        values = tuple(
            indicator.compute(by_key[(federation.pk, year)])
            if (federation.pk, year) in by_key
            else None
            for year in years
        )
        texts = tuple(charts.format_value(value, indicator.unit) for value in values)
        rows.append(IndicatorRow(federation, values, texts))
    names = [f.short_name for f in federations]
    bar_title = f"{indicator.label} per förbund {chart_year}"
    line_title = f"{indicator.label} över åren"
    bar_values = tuple(row.values[years.index(chart_year)] for row in rows) if chart_year else ()
    bar = charts.bar_chart(
        chart_id=f"stapel-{indicator.key}",
        title=bar_title,
        categories=names,
        series=[charts.Series(str(chart_year), bar_values)] if chart_year else [],
        unit=indicator.unit,
    )
    line = charts.line_chart(
        chart_id=f"linje-{indicator.key}",
        title=line_title,
        years=list(years),
        series=[charts.Series(row.federation.short_name, row.values) for row in rows],
        unit=indicator.unit,
    )
    return IndicatorSection(
        key=indicator.key,
        label=indicator.label,
        unit=indicator.unit,
        definition=indicator.definition,
        rows=tuple(rows),
        bar_title=bar_title,
        bar_chart=bar,
        line_title=line_title,
        line_chart=line,
    )


def report_from(
    follow_ups: Iterable[FollowUp], *, year: int | None = None, federation: str | None = None
) -> Report:
    """The report of the given follow-ups (each with its federation loaded): the bar charts
    show `year` (the latest year when not given), `federation` narrows the report to the
    federation known by that name. A year or a name that is not in the figures is named in
    `errors` and not followed."""
    rows = list(follow_ups)
    choices = _sorted({f.federation_id: _ref(f) for f in rows}.values())
    errors: list[str] = []
    chosen: FederationRef | None = None
    if federation:
        match = next((f for f in rows if _matches(federation, f.federation.names)), None)
        if match is None:
            errors.append(
                f"Det finns inga uppföljningar för något förbund som heter ”{federation}”. "
                "Rapporten visar alla förbund."
            )
        else:
            chosen = _ref(match)
            rows = [f for f in rows if f.federation_id == match.federation_id]

    refs = {f.federation_id: _ref(f) for f in rows}
    federations = _sorted(refs.values())
    years = tuple(sorted({f.year for f in rows}))
    by_key = {(f.federation_id, f.year): f for f in rows}

    chart_year = years[-1] if years else None
    if year is not None:
        if year in years:
            chart_year = year
        else:
            instead = f" Diagrammen per förbund visar {chart_year} i stället." if chart_year else ""
            errors.append(f"Det finns inga uppföljningar för år {year}.{instead}")

    sections = tuple(
        _section(indicator, years, chart_year, federations, by_key) for indicator in INDICATORS
    )
    figure_rows = tuple(
        FigureRow(
            federation=ref,
            year=year_,
            figures=tuple(getattr(by_key[(ref.pk, year_)], name) for name, _ in KEY_FIGURES),
            indicators=tuple(i.compute(by_key[(ref.pk, year_)]) for i in INDICATORS),
        )
        for ref in federations
        for year_ in years
        if (ref.pk, year_) in by_key
    )
    year_tables = tuple(
        YearTable(
            year=year_,
            federations=federations,
            rows=tuple(
                (
                    label,
                    tuple(
                        format_figure(getattr(by_key[(ref.pk, year_)], name))
                        if (ref.pk, year_) in by_key
                        else "–"
                        for ref in federations
                    ),
                )
                for name, label in KEY_FIGURES
            ),
        )
        for year_ in years
    )
    problems = tuple(
        problem
        for ref in federations
        for problem in check_years(
            ref.short_name, [f for (pk, _), f in by_key.items() if pk == ref.pk]
        )
    )
    return Report(
        years=years,
        chart_year=chart_year,
        federations=federations,
        sections=sections,
        figure_rows=figure_rows,
        year_tables=year_tables,
        problems=problems,
        errors=tuple(errors),
        federation_filter=chosen,
        choices=choices,
    )


def build_report(
    *, viewer: Viewer | None, body: Body, year: int | None = None, federation: str | None = None
) -> Report:
    """The report of every follow-up the viewer may read in `body`."""
    return report_from(
        selectors.follow_ups(viewer=viewer, body=body), year=year, federation=federation
    )
