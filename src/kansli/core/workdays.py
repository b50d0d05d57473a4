"""Days on which a statutory time limit cannot end (lag (1930:173) om beräkning av lagstadgad
tid, 2 §). Shared by every rule with a "senast" day: the minutes' appeal period, the council's
announcement of its meetings."""

import datetime
import functools

from holidays.countries.sweden import Sweden

from kansli.core.law import cites


def _midsummer_eve(year: int) -> datetime.date:
    """Midsommarafton: the Friday between 19 and 25 June."""
    june_19 = datetime.date(year, 6, 19)
    return june_19 + datetime.timedelta(days=(4 - june_19.weekday()) % 7)


@functools.lru_cache(maxsize=256)
def _deadline_free_days(year: int) -> frozenset[datetime.date]:
    """The holidays and eves of one year on which no time limit ends (weekends aside).

    holidays.Sweden's default ("public") category holds the allmänna helgdagar, but not the
    eves: midsommarafton, julafton and nyårsafton sit in its "de_facto"/"bank" categories. They
    are added here by date so they count whatever the library's categories say.
    include_sundays=False: the library would otherwise list every Sunday as a holiday;
    weekends are checked by weekday instead.
    """
    public = Sweden(years=year, include_sundays=False)
    eves = {_midsummer_eve(year), datetime.date(year, 12, 24), datetime.date(year, 12, 31)}
    return frozenset(public.keys()) | frozenset(eves)


@cites(
    "lag (1930:173) 2 §",
    says="Lördag, söndag, allmän helgdag, midsommarafton, julafton och nyårsafton.",
)
def is_deadline_free_day(day: datetime.date) -> bool:
    """A day on which a time limit cannot end: lag (1930:173) om beräkning av lagstadgad tid,
    2 § — Saturday, Sunday, other allmän helgdag (the Swedish public holidays),
    midsommarafton, julafton and nyårsafton."""
    return day.weekday() >= 5 or day in _deadline_free_days(day.year)


@cites(
    "lag (1930:173) 1 §",
    says="En tid i år som slutar på en dag som inte finns (29 februari) slutar på månadens "
    "sista dag.",
    verified=False,
)
def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later (or earlier, for a negative number); 28 February for 29
    February in a year without it (lag (1930:173) 1 §: a day that does not exist is the
    last day of that month)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
