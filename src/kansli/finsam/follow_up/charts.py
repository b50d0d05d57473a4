"""Charts for the Finsam comparison as SVG drawn on the server: no script, no style
attributes (the CSP forbids them), only presentation attributes, so that the same markup
serves the web page inline and the PDF as an image.

Every chart is an image with a title and a description that repeats its values in words;
the page follows each chart with its data as a table. A missing value is a gap (no bar, no
point, a broken line) and is said to be missing, never drawn as zero. Text is escaped:
federation names are user data.
"""

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kansli.core.formatting import NBSP, format_number

Value = Decimal | int | float | None

# Colours with at least 4.5:1 against white (so also the 3:1 that WCAG 1.4.11 asks of
# graphics), chosen apart in hue and lightness for colour-blind readers; the line chart also
# gives each series its own marker, so that no series is told apart by colour alone.
PALETTE = (
    "#0b5cad",  # blue
    "#b34700",  # dark orange
    "#1d6b35",  # green
    "#7b2d8e",  # purple
    "#a4161a",  # red
    "#00606e",  # teal
    "#6b5200",  # olive brown
    "#4a535c",  # slate
)
MARKERS = ("circle", "square", "triangle", "diamond")
INK = "#1b1f24"
MUTED = "#4a535c"
GRID = "#d5dade"
FONT = "system-ui, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
MISSING = "uppgift saknas"

WIDTH = 640
FONT_SIZE = 12
CHAR_WIDTH = 6.6  # an estimate of one character's advance at FONT_SIZE
LABEL_LIMIT = 32  # characters of a category or series name drawn in a chart

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Series:
    """One named row of values: a year's bars, or a federation's line."""

    name: str
    values: tuple[Value, ...]


def decimals_for(unit: str) -> int:
    return 1 if unit == "%" else 0


def format_value(value: Value, unit: str) -> str:
    """A value as the user reads it: "12 345 kr", "25,3 %", "5 078 personer"."""
    if value is None:
        return MISSING
    number = format_number(Decimal(str(value)), decimals_for(unit))
    return f"{number}{NBSP}{unit}" if unit else number


def escape(text: str) -> str:
    """Text for an SVG element or attribute: escaped, and without the control characters
    that XML cannot hold at all."""
    return html.escape(_CONTROL.sub("", text), quote=True)


def shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _id(text: str) -> str:
    return _ID.sub("-", text) or "diagram"


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high (1, 2 or 5 times a power of ten apart); always
    at least two."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(n * step, 10) for n in range(first, last + 1)]


def _tick_label(value: float, step: float, unit: str) -> str:
    decimals = 0 if step >= 1 else min(3, -math.floor(math.log10(step)))
    number = format_number(Decimal(str(value)), decimals)
    return f"{number}{NBSP}{unit}" if unit else number


def _floats(values: Sequence[Value]) -> list[float]:
    return [float(v) for v in values if v is not None]


def _svg(chart_id: str, width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    cid = _id(chart_id)
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" '
            f'aria-labelledby="{cid}-title {cid}-desc" font-family="{FONT}" '
            f'font-size="{FONT_SIZE}" fill="{INK}">',
            f'<title id="{cid}-title">{escape(title)}</title>',
            f'<desc id="{cid}-desc">{escape(desc)}</desc>',
            f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
            *body,
            "</svg>",
        ]
    )


def _describe(
    kind: str, title: str, groups: list[tuple[str, list[tuple[str, Value]]]], unit: str
) -> str:
    parts = []
    for group, items in groups:
        values = ", ".join(
            f"{name} {format_value(value, unit)}" if name else format_value(value, unit)
            for name, value in items
        )
        parts.append(f"{group}: {values}")
    listed = "; ".join(parts) if parts else "inga värden"
    return f"{kind}. {title}. {listed}. Samma uppgifter står i tabellen efter diagrammet."


def _legend_swatch(x: float, y: float, index: int, *, line: bool) -> list[str]:
    colour = PALETTE[index % len(PALETTE)]
    if not line:
        return [f'<rect x="{_num(x)}" y="{_num(y - 6)}" width="12" height="12" fill="{colour}"/>']
    return [
        f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x + 24)}" y2="{_num(y)}" '
        f'stroke="{colour}" stroke-width="2.5"{_dash(index)}/>',
        _marker(x + 12, y, index, ""),
    ]


def _dash(index: int) -> str:
    # After the palette is used up the lines are dashed, so no two series look alike.
    return ' stroke-dasharray="6 3"' if (index // len(PALETTE)) % 2 else ""


def _marker(x: float, y: float, index: int, tooltip: str, css: str = "") -> str:
    colour = PALETTE[index % len(PALETTE)]
    shape = MARKERS[index % len(MARKERS)]
    hollow = (index // len(MARKERS)) % 2 == 1
    paint = f'fill="{"#ffffff" if hollow else colour}" stroke="{colour}" stroke-width="2"'
    cls = f' class="{css} {shape}{" hollow" if hollow else ""}"' if css else ""
    title = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    if shape == "circle":
        element = f'<circle{cls} cx="{_num(x)}" cy="{_num(y)}" r="4.5" {paint}>{title}</circle>'
    elif shape == "square":
        element = (
            f'<rect{cls} x="{_num(x - 4)}" y="{_num(y - 4)}" width="8" height="8" {paint}>'
            f"{title}</rect>"
        )
    else:
        if shape == "triangle":
            points = [(x, y - 5.5), (x + 5, y + 4), (x - 5, y + 4)]
        else:
            points = [(x, y - 5.5), (x + 5.5, y), (x, y + 5.5), (x - 5.5, y)]
        coords = " ".join(f"{_num(px)},{_num(py)}" for px, py in points)
        element = f'<polygon{cls} points="{coords}" {paint}>{title}</polygon>'
    return element


def bar_chart(
    *,
    chart_id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    unit: str,
) -> str:
    """Horizontal bars, one group per category (a federation), one bar per series (a year)
    in each group; the value is written at the end of its bar, a missing value as
    "uppgift saknas" where its bar would be."""
    bar_height, group_gap, top = 18, 12, 12
    legend_rows = 0 if len(series) <= 1 else math.ceil(len(series) / 4)
    top += legend_rows * 20
    labels = [shorten(c) for c in categories]
    label_width = min(max([len(label) for label in labels] + [6]) * CHAR_WIDTH, 220) + 12
    value_width = 96
    plot_left, plot_right = label_width, WIDTH - value_width
    group_height = max(1, len(series)) * bar_height
    height = int(top + len(categories) * (group_height + group_gap) + 30)

    known = [v for s in series for v in _floats(s.values)]
    low, high = min([0.0, *known]), max([0.0, *known])
    ticks = nice_ticks(low, high)
    low, high = ticks[0], ticks[-1]
    step = ticks[1] - ticks[0]

    def x_of(value: float) -> float:
        return plot_left + (value - low) / (high - low) * (plot_right - plot_left)

    body: list[str] = []
    axis_bottom = top + len(categories) * (group_height + group_gap)
    for tick in ticks:
        x = x_of(tick)
        body.append(
            f'<line x1="{_num(x)}" y1="{top - 4}" x2="{_num(x)}" y2="{_num(axis_bottom)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(
            f'<text x="{_num(x)}" y="{_num(axis_bottom + 16)}" text-anchor="middle" '
            f'fill="{MUTED}">{escape(_tick_label(tick, step, unit))}</text>'
        )
    zero = x_of(0.0)
    body.append(
        f'<line x1="{_num(zero)}" y1="{top - 4}" x2="{_num(zero)}" y2="{_num(axis_bottom)}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    if legend_rows:
        for index, s in enumerate(series):
            lx = plot_left + (index % 4) * 120
            ly = 12 + (index // 4) * 20
            body.extend(_legend_swatch(lx, ly, index, line=False))
            body.append(
                f'<text x="{_num(lx + 18)}" y="{_num(ly + 4)}">{escape(shorten(s.name, 14))}</text>'
            )

    groups: list[tuple[str, list[tuple[str, Value]]]] = []
    for row, (category, label) in enumerate(zip(categories, labels, strict=True)):
        y0 = top + row * (group_height + group_gap)
        body.append(f'<g class="category"><title>{escape(category)}</title>')
        body.append(
            f'<text class="category-label" x="{_num(plot_left - 8)}" '
            f'y="{_num(y0 + group_height / 2 + 4)}" text-anchor="end">{escape(label)}</text>'
        )
        items: list[tuple[str, Value]] = []
        for index, s in enumerate(series):
            value = s.values[row]
            items.append((s.name if len(series) > 1 else "", value))
            y = y0 + index * bar_height
            if value is None:
                body.append(
                    f'<text class="missing" x="{_num(zero + 4)}" '
                    f'y="{_num(y + bar_height / 2 + 4)}" fill="{MUTED}" font-style="italic">'
                    f"{MISSING}</text>"
                )
                continue
            v = float(value)
            x1, x2 = sorted((zero, x_of(v)))
            text = format_value(value, unit)
            tooltip = f"{category}{' ' + s.name if len(series) > 1 else ''}: {text}"
            body.append(
                f'<rect class="bar" x="{_num(x1)}" y="{_num(y + 2)}" '
                f'width="{_num(max(x2 - x1, 0.5))}" height="{bar_height - 4}" '
                f'fill="{PALETTE[index % len(PALETTE)]}"><title>{escape(tooltip)}</title></rect>'
            )
            body.append(
                f'<text class="value" x="{_num(x2 + 4)}" y="{_num(y + bar_height / 2 + 4)}">'
                f"{escape(text)}</text>"
            )
        body.append("</g>")
        groups.append((category, items))
    desc = _describe("Stapeldiagram", title, groups, unit)
    return _svg(chart_id, WIDTH, height, title, desc, body)


def line_chart(
    *,
    chart_id: str,
    title: str,
    years: Sequence[int],
    series: Sequence[Series],
    unit: str,
) -> str:
    """One line per series (a federation) over the years, each with its own colour and
    marker. A missing value breaks the line; so does a year missing between two others."""
    top, plot_height = 14, 220
    known = [v for s in series for v in _floats(s.values)]
    ticks = nice_ticks(min([0.0, *known]), max([0.0, *known]))
    step = ticks[1] - ticks[0]
    tick_labels = [_tick_label(t, step, unit) for t in ticks]
    plot_left = max(len(label) for label in tick_labels) * CHAR_WIDTH + 16
    plot_right = WIDTH - 24
    plot_bottom = top + plot_height
    legend_top = plot_bottom + 44
    columns = 2
    legend_rows = math.ceil(len(series) / columns)
    height = int(legend_top + legend_rows * 22 + 6)
    low, high = ticks[0], ticks[-1]

    def y_of(value: float) -> float:
        return plot_bottom - (value - low) / (high - low) * plot_height

    first, last = (min(years), max(years)) if years else (0, 0)

    def x_of(year: int) -> float:
        if last == first:
            return (plot_left + plot_right) / 2
        inner_left, inner_right = plot_left + 24, plot_right - 24
        return inner_left + (year - first) / (last - first) * (inner_right - inner_left)

    body: list[str] = []
    for tick, label in zip(ticks, tick_labels, strict=True):
        y = y_of(tick)
        body.append(
            f'<line x1="{_num(plot_left)}" y1="{_num(y)}" x2="{_num(plot_right)}" y2="{_num(y)}" '
            f'stroke="{GRID if tick != 0 else INK}" stroke-width="1"/>'
        )
        body.append(
            f'<text x="{_num(plot_left - 6)}" y="{_num(y + 4)}" text-anchor="end" '
            f'fill="{MUTED}">{escape(label)}</text>'
        )
    for year in years:
        body.append(
            f'<text class="year" x="{_num(x_of(year))}" y="{_num(plot_bottom + 18)}" '
            f'text-anchor="middle" fill="{MUTED}">{year}</text>'
        )
    groups: list[tuple[str, list[tuple[str, Value]]]] = []
    for index, s in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        body.append(f'<g class="series"><title>{escape(s.name)}</title>')
        # Unbroken runs of consecutive years with values, each one polyline.
        runs: list[list[tuple[float, float]]] = []
        previous: int | None = None
        for year, value in zip(years, s.values, strict=True):
            if value is None:
                previous = None
                continue
            point = (x_of(year), y_of(float(value)))
            if previous is not None and year == previous + 1:
                runs[-1].append(point)
            else:
                runs.append([point])
            previous = year
        for run in runs:
            if len(run) > 1:
                coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
                body.append(
                    f'<polyline class="line" points="{coords}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5" stroke-linejoin="round"{_dash(index)}/>'
                )
        for year, value in zip(years, s.values, strict=True):
            if value is not None:
                tooltip = f"{s.name} {year}: {format_value(value, unit)}"
                body.append(_marker(x_of(year), y_of(float(value)), index, tooltip, "point"))
        body.append("</g>")
        groups.append(
            (s.name, [(str(year), value) for year, value in zip(years, s.values, strict=True)])
        )
    for index, s in enumerate(series):
        lx = plot_left + (index % columns) * ((plot_right - plot_left) / columns)
        ly = legend_top + (index // columns) * 22
        body.extend(_legend_swatch(lx, ly, index, line=True))
        body.append(
            f'<text class="legend" x="{_num(lx + 32)}" y="{_num(ly + 4)}">'
            f"{escape(shorten(s.name, 36))}</text>"
        )
    desc = _describe("Linjediagram", title, groups, unit)
    return _svg(chart_id, WIDTH, height, title, desc, body)
