"""Swedish formatting: dates 2020-08-26, numbers 1 305 500, amounts 1 305 500 kr."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\xa0"

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def format_number(value: int | Decimal | float, decimals: int = 0) -> str:
    """Group thousands with a non-breaking space, decimal comma: 1 305 500 and 5 689,5."""
    quantum = Decimal(1).scaleb(-decimals)
    amount = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "−" if amount < 0 else ""
    text = f"{abs(amount):,.{decimals}f}"
    integer, _, fraction = text.partition(".")
    integer = integer.replace(",", NBSP)
    return f"{sign}{integer},{fraction}" if fraction else f"{sign}{integer}"


def format_amount(value: int | Decimal, unit: str = "kr", decimals: int = 0) -> str:
    return f"{format_number(value, decimals)}{NBSP}{unit}"


def format_date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def format_date_range(start: datetime.date | None, end: datetime.date | None) -> str:
    """2020-08-26 – 2022-12-31, or "från 2020-08-26" when open-ended."""
    if start and end:
        return f"{start.isoformat()} – {end.isoformat()}"
    if start:
        return f"från {start.isoformat()}"
    if end:
        return f"till {end.isoformat()}"
    return ""


def genitive(name: str) -> str:
    """Swedish genitive of a name: "Patrik Rehnberg" → "Patrik Rehnbergs"; a name ending in
    s, x or z takes no extra s ("Hans" → "Hans", "Felix" → "Felix")."""
    name = name.rstrip()
    if not name or name[-1].lower() in "sxz":
        return name
    return f"{name}s"


def counted(count: int, one: str, many: str) -> str:
    """A count with the noun in agreement: "1 ärende", "3 ärenden"."""
    return f"{count} {one if count == 1 else many}"
