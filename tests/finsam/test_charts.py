"""The SVG charts of the Finsam comparison: what they draw, what they leave as gaps, how they
write numbers, that hostile names stay text, and that they can be read without colour."""

import itertools
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kansli.finsam.follow_up import charts
from kansli.finsam.follow_up.charts import Series, bar_chart, format_value, line_chart, nice_ticks

NS = {"svg": "http://www.w3.org/2000/svg"}
HOSTILE = "<script>alert(1)</script>"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output


def by_class(root: ET.Element, css: str) -> list[ET.Element]:
    return [e for e in root.iter() if css in (e.get("class") or "").split()]


def texts(root: ET.Element, css: str) -> list[str]:
    return ["".join(e.itertext()) for e in by_class(root, css)]


def bars(categories, *series, unit="%"):
    return parse(
        bar_chart(
            chart_id="t",
            title="Andel avslutade per förbund 2019",
            categories=categories,
            series=list(series),
            unit=unit,
        )
    )


def lines(years, *series, unit="kr"):
    return parse(
        line_chart(
            chart_id="l",
            title="Kostnad per deltagare över åren",
            years=years,
            series=list(series),
            unit=unit,
        )
    )


def test_a_bar_per_federation_with_its_value_and_name():
    root = bars(
        ["Lekeberg/Örebro", "Sydnärke", "Degerfors/Karlskoga", "SOFINT"],
        Series("2019", (Decimal("19.4"), Decimal("25.32"), Decimal("22.107"), Decimal("34.325"))),
    )
    assert len(by_class(root, "bar")) == 4
    assert texts(root, "category-label") == [
        "Lekeberg/Örebro",
        "Sydnärke",
        "Degerfors/Karlskoga",
        "SOFINT",
    ]
    assert texts(root, "value") == ["19,4\xa0%", "25,3\xa0%", "22,1\xa0%", "34,3\xa0%"]
    widths = [float(bar.get("width")) for bar in by_class(root, "bar")]
    assert widths[3] > widths[1] > widths[2] > widths[0] > 0


def test_a_missing_value_is_a_gap_said_in_words_not_a_zero_bar():
    root = bars(["A", "B", "C"], Series("2019", (Decimal(10), None, Decimal(0))))
    assert len(by_class(root, "bar")) == 2  # the zero is a value, the None is not
    assert texts(root, "missing") == ["uppgift saknas"]
    desc = root.find("svg:desc", NS)
    assert desc is not None and "B: uppgift saknas" in desc.text


def test_grouped_bars_one_per_series_in_each_group_with_a_legend():
    root = bars(
        ["A", "B", "C"],
        Series("2018", (Decimal(1), Decimal(2), None)),
        Series("2019", (Decimal(3), Decimal(4), Decimal(5))),
    )
    assert len(by_class(root, "bar")) == 5
    fills = {bar.get("fill") for bar in by_class(root, "bar")}
    assert fills == {charts.PALETTE[0], charts.PALETTE[1]}
    assert "2018" in "".join(root.itertext()) and "2019" in "".join(root.itertext())


def test_a_chart_is_an_image_with_a_title_and_a_description_of_its_values():
    root = bars(["A", "B"], Series("2019", (Decimal(1500), Decimal("2500.5"))), unit="kr")
    assert root.get("role") == "img"
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert title is not None and title.text == "Andel avslutade per förbund 2019"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "A: 1\xa0500\xa0kr" in desc.text and "B: 2\xa0501\xa0kr" in desc.text


def test_a_point_per_known_value_and_a_line_broken_where_one_is_missing():
    root = lines(
        [2017, 2018, 2019, 2020],
        Series("Sydnärke", (Decimal(30000), Decimal(28000), None, Decimal(25000))),
        Series("SOFINT", (Decimal(40000), Decimal(35000), Decimal(30000), Decimal(29000))),
    )
    assert len(by_class(root, "point")) == 7
    polylines = by_class(root, "line")
    # Sydnärke: 2017–2018 only (2020 stands alone); SOFINT: one line through four years.
    assert sorted(len(p.get("points").split()) for p in polylines) == [2, 4]
    assert texts(root, "year") == ["2017", "2018", "2019", "2020"]
    assert texts(root, "legend") == ["Sydnärke", "SOFINT"]


def test_years_missing_between_others_break_the_line_too():
    root = lines([2017, 2019], Series("A", (Decimal(1), Decimal(2))))
    assert by_class(root, "line") == [] and len(by_class(root, "point")) == 2


def test_each_series_has_its_own_marker_so_colour_is_not_the_only_difference():
    series = [Series(f"F{i}", (Decimal(i), Decimal(i + 1))) for i in range(10)]
    root = lines([2018, 2019], *series)
    looks = [
        (e.get("class"), e.get("stroke"), bool(polyline.get("stroke-dasharray")))
        for group, polyline in zip(by_class(root, "series"), by_class(root, "line"), strict=True)
        for e in by_class(group, "point")[:1]
    ]
    assert len(set(looks)) == 10
    assert {e.get("class").split()[1] for e in by_class(root, "point")} == set(charts.MARKERS)


def test_nothing_known_draws_no_bars_and_no_points():
    root = bars(["A", "B"], Series("2019", (None, None)))
    assert by_class(root, "bar") == [] and len(by_class(root, "missing")) == 2
    root = lines([2019], Series("A", (None,)))
    assert by_class(root, "point") == [] and by_class(root, "line") == []


def test_a_hostile_name_stays_text():
    svg = bar_chart(
        chart_id='x" onload="alert(1)',
        title=f"Titel {HOSTILE}",
        categories=[HOSTILE],
        series=[Series(HOSTILE, (Decimal(1),))],
        unit="%",
    )
    assert "<script" not in svg and "onload=" not in svg.replace("onload-", "")
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert texts(root, "category-label") == [HOSTILE]
    svg = line_chart(
        chart_id="l", title="T", years=[2019], series=[Series(HOSTILE, (Decimal(1),))], unit="%"
    )
    assert "<script" not in svg and texts(parse(svg), "legend") == [HOSTILE]


def test_control_characters_that_xml_cannot_hold_are_dropped():
    root = bars(["A\x01B\x1f"], Series("2019", (Decimal(1),)))
    assert texts(root, "category-label") == ["AB"]


def test_long_names_are_shortened_in_the_chart_but_whole_in_its_tooltip():
    name = "Samordningsförbundet Norra Örebro län – SOFINT med ett mycket långt namn"
    root = bars([name], Series("2019", (Decimal(1),)))
    (label,) = texts(root, "category-label")
    assert label.endswith("…") and len(label) <= charts.LABEL_LIMIT
    (group,) = by_class(root, "category")
    assert group.find("svg:title", NS).text == name


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (Decimal("36053.08"), "kr", "36\xa0053\xa0kr"),
        (Decimal("25.3207"), "%", "25,3\xa0%"),
        (Decimal("5078.0"), "personer", "5\xa0078\xa0personer"),
        (Decimal("0.05"), "%", "0,1\xa0%"),
        (None, "kr", "uppgift saknas"),
    ],
)
def test_values_are_written_the_swedish_way(value, unit, text):
    assert format_value(value, unit) == text


@pytest.mark.parametrize(
    ("low", "high"), [(0, 34.3), (0, 1552000), (0, 0), (-5, 12), (0, 0.37), (0, 100)]
)
def test_ticks_cover_the_values_in_round_steps(low, high):
    ticks = nice_ticks(low, high)
    assert ticks[0] <= low and ticks[-1] >= high and len(ticks) >= 2
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_colour_has_enough_contrast_against_the_white_background():
    for colour in charts.PALETTE:
        assert (1.05) / (_luminance(colour) + 0.05) >= 4.5, colour
    assert len(set(charts.PALETTE)) == len(charts.PALETTE)


values_strategy = st.one_of(
    st.none(), st.decimals(min_value=-(10**9), max_value=10**12, allow_nan=False, places=2)
)


@given(
    names=st.lists(st.text(max_size=80), min_size=1, max_size=6),
    data=st.data(),
)
@settings(max_examples=60, deadline=None)
def test_any_names_and_values_give_a_chart_with_a_mark_per_known_value(names, data):
    row = tuple(data.draw(values_strategy) for _ in names)
    root = bars(names, Series("2019", row), unit="kr")
    assert len(by_class(root, "bar")) == sum(v is not None for v in row)
    assert len(by_class(root, "missing")) == sum(v is None for v in row)
    years = list(range(2015, 2015 + len(names)))
    root = lines(years, *(Series(n, row) for n in names[:3]))
    assert len(by_class(root, "point")) == min(3, len(names)) * sum(v is not None for v in row)
