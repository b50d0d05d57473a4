"""Template filters for Swedish formatting."""

import datetime
from decimal import Decimal

from django import template

from kansli.core import formatting

register = template.Library()


@register.filter
def sv_number(value: int | Decimal | float | None, decimals: int = 0) -> str:
    if value is None or value == "":
        return ""
    return formatting.format_number(value, int(decimals))


@register.simple_tag
def sv_date_range(start: datetime.date | None, end: datetime.date | None) -> str:
    return formatting.format_date_range(start, end)
