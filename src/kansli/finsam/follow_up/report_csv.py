"""The comparison as a CSV file the way Swedish Excel opens it: UTF-8 with a byte order
mark, semicolons between fields, decimal comma, one row per federation and year with the
figures entered and every indicator.

Text cells that a spreadsheet would read as a formula (= + - @, tab, carriage return at the
start) get a leading apostrophe; numbers are written by this module only, never from text.
"""

import csv
import io
from decimal import ROUND_HALF_UP, Decimal

from kansli.core.tabular.cells import text_cell

from .indicators import INDICATORS
from .report import KEY_FIGURES, Report

BOM = "\ufeff"
INDICATOR_DECIMALS = Decimal("0.01")


def number_cell(value: int | Decimal | None, quantum: Decimal | None = None) -> str:
    """A number with decimal comma and no digit grouping; empty when missing."""
    if value is None:
        return ""
    if quantum is not None:
        value = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    return str(value).replace(".", ",")


def header() -> list[str]:
    return [
        "Förbund",
        "Kortnamn",
        "År",
        *(label for _, label in KEY_FIGURES),
        *(f"{i.label} ({i.unit})" for i in INDICATORS),
    ]


def report_csv(report: Report) -> str:
    """The whole file as text, beginning with the byte order mark."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header())
    for row in report.figure_rows:
        writer.writerow(
            [
                text_cell(row.federation.name),
                text_cell(row.federation.short_name),
                str(row.year),
                *(number_cell(value) for value in row.figures),
                *(number_cell(value, INDICATOR_DECIMALS) for value in row.indicators),
            ]
        )
    return out.getvalue()
