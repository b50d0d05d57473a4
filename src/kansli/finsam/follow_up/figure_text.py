"""One follow-up figure read from text — the same for the CSV import and the form: whole
kronor and persons as digits only, staff (årsarbetare) with a decimal comma or point, empty
as unknown; a Swedish FigureError says what is wrong."""

import re
from decimal import Decimal

from django.db import models

from ..models import FollowUp
from ..services import FOLLOW_UP_LABELS, MAX_AMOUNT

MAX_COUNT = 10_000_000  # persons; above the working-age population of any federation
MAX_STAFF = Decimal("9999.99")  # the column holds six digits, two of them decimals
_KINDS = {f.name: type(f) for f in FollowUp._meta.concrete_fields if f.name in FOLLOW_UP_LABELS}
STAFF_FIELDS = frozenset(n for n, kind in _KINDS.items() if issubclass(kind, models.DecimalField))
COUNT_FIELDS = frozenset(  # persons; the rest are kronor
    n for n, kind in _KINDS.items() if issubclass(kind, models.PositiveIntegerField)
)
MAY_BE_NEGATIVE = frozenset({"equity"})

INTEGER = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f,.][0-9]{3})+(?:[.,][0-9]+)?")
_NUMBERISH = re.compile(r"[0-9][0-9 \u00a0\u202f.,]*")


class FigureError(ValueError):
    """A figure that cannot be read; the message is Swedish and names no column."""


def shown(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def parse_figure(name: str, text: str) -> int | Decimal | None:
    """One follow-up figure from its text: None when empty; FigureError when it cannot be
    read. Shared by the CSV import and the form, so both say the same."""
    value = text.strip()
    if not value:
        return None
    negative = value[0] in "-−"
    digits = value[1:].strip() if negative else value
    staff = name in STAFF_FIELDS
    if (_DECIMAL if staff else INTEGER).fullmatch(digits):
        if negative and name not in MAY_BE_NEGATIVE:
            raise FigureError(
                f"Värdet {shown(value)} är negativt; bara eget kapital får vara negativt."
            )
        if staff:
            number = Decimal(digits.replace(",", "."))
            if number != number.quantize(Decimal("0.01")):
                raise FigureError(f"”{shown(value)}” har fler än två decimaler.")
            if number > MAX_STAFF:
                raise FigureError(f"”{shown(value)}” årsarbetare är orimligt många.")
            return number
        amount = int(digits)
        if amount > (MAX_COUNT if name in COUNT_FIELDS else MAX_AMOUNT):
            raise FigureError(f"”{shown(value)}” är orimligt stort.")
        return -amount if negative else amount
    if _GROUPED.fullmatch(digits):
        raise FigureError(
            f"”{shown(value)}” har mellanslag, komma eller punkt som tusentalsavgränsare. "
            "Skriv bara siffror, till exempel 1250000."
        )
    if not staff and _DECIMAL.fullmatch(digits):
        what = "ett antal personer" if name in COUNT_FIELDS else "hela kronor"
        raise FigureError(f"”{shown(value)}” ska vara ett heltal ({what}).")
    if _NUMBERISH.fullmatch(digits):
        raise FigureError(f"”{shown(value)}” är inget giltigt tal. Skriv bara siffror.")
    raise FigureError(f"”{shown(value)}” är inget tal.")
