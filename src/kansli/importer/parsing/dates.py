"""Dates and times as notices write them: "2020-08-26", "26 augusti 2020", "kl. 09:30-12:00"."""

import datetime
import re

from kansli.core.formatting import MONTHS

_MONTHS = {name: number for number, name in enumerate(MONTHS, start=1)}
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})\s?-\s?(?P<m>\d{1,2})\s?-\s?(?P<d>\d{1,2})(?!\d)")
_TEXT_DATE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s+(?P<month>[a-zåäö]+)\s+(?P<y>\d{4})(?!\d)", re.IGNORECASE
)
_TIME = re.compile(r"(?<![\d-])(?P<h>[0-2]?\d)[.:](?P<m>[0-5]\d)(?![\d-])")
_TIME_RANGE = re.compile(
    r"(?<![\d-])(?P<h1>[0-2]?\d)[.:](?P<m1>[0-5]\d)\s*(?:[-–—]|till)\s*(?P<h2>[0-2]?\d)[.:](?P<m2>[0-5]\d)"
)


def date_in(text: str) -> datetime.date | None:
    """The first date in a text: ISO ("2020-08-26", "2020 -08- 18") or "26 augusti 2020"."""
    for match in _ISO_DATE.finditer(text):
        try:
            return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
    for match in _TEXT_DATE.finditer(text):
        month = _MONTHS.get(match["month"].casefold())
        if month is None:
            continue
        try:
            return datetime.date(int(match["y"]), month, int(match["d"]))
        except ValueError:
            continue
    return None


def times_in(text: str) -> tuple[datetime.time | None, datetime.time | None]:
    """Start and end of "kl. 09:30-12:00", "13.15–16.30", "kl. 18:00" (no end)."""
    without_dates = _ISO_DATE.sub(" ", text)
    match = _TIME_RANGE.search(without_dates)
    if match:
        start = _time(match["h1"], match["m1"])
        end = _time(match["h2"], match["m2"])
        return start, end
    match = _TIME.search(without_dates)
    if match:
        return _time(match["h"], match["m"]), None
    return None, None


def _time(hours: str, minutes: str) -> datetime.time | None:
    try:
        return datetime.time(int(hours), int(minutes))
    except ValueError:
        return None
