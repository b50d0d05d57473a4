"""Personnummer and samordningsnummer (Skatteverket's identity numbers)."""

import datetime
import re

from .findings import Finding, Kind

# YYMMDD-NNNN, YYMMDD+NNNN (100 years or older), YYYYMMDD-NNNN, and the same without the
# dash or with a space. Not glued to other digits, words, or the digits of a date or a
# case number ("2020-00123", "S2020/03317"); not followed by more digits ("190101-191231").
_PATTERN = re.compile(
    r"(?<![\w+])(?<!\d[-/.,])"
    r"(?P<century>1[89]|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+‐–]|[ \u00a0])?"
    r"(?P<serial>\d{3})(?P<check>\d)"
    r"(?!\w)(?![-/.,:]\d)"
)


def luhn_valid(digits: str) -> bool:
    """The Luhn check used by personnummer: over the ten digits YYMMDDNNNC, weights 2,1,2,..."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def is_birth_date(century: str | None, yy: str, mm: str, dd: str) -> bool:
    """A real date; a samordningsnummer has 60 added to the day. Without a century the date
    must be real in the 1800s, 1900s or 2000s (29 February in "000229" is real in 2000)."""
    month, day = int(mm), int(dd)
    if day > 60:
        day -= 60
    centuries = (int(century),) if century else (18, 19, 20)
    return any(_real_date(c * 100 + int(yy), month, day) for c in centuries)


def find_personal_numbers(text: str) -> list[Finding]:
    """Personnummer and samordningsnummer in `text` that have a real date and a valid check
    digit. Case numbers, dates, amounts and numbers with a wrong check digit are not found."""
    found = []
    for match in _PATTERN.finditer(text):
        century, yy, mm, dd = match.group("century", "yy", "mm", "dd")
        if century and match.group("sep") == "+":
            continue  # "+" stands for the century in the ten-digit form only
        if not is_birth_date(century, yy, mm, dd):
            continue
        if not luhn_valid(yy + mm + dd + match["serial"] + match["check"]):
            continue
        found.append(Finding(Kind.PERSONAL_NUMBER, match.group(), match.start(), match.end()))
    return found
