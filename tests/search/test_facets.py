"""Date filters as index terms: the fewest year, month and day tokens for a range."""

import datetime

from kansli.search.backends.facets import date_tokens, entry_facets


def covered(token: str) -> set[datetime.date]:
    kind, digits = token[0], token[1:]
    if kind == "d":
        return {datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))}
    year = int(digits[:4])
    months = [int(digits[4:])] if kind == "m" else list(range(1, 13))
    days = set()
    for month in months:
        day = datetime.date(year, month, 1)
        while day.month == month:
            days.add(day)
            day += datetime.timedelta(days=1)
    return days


def test_date_tokens_cover_exactly_the_range():
    for first, last in (
        (datetime.date(2020, 1, 15), datetime.date(2022, 3, 2)),
        (datetime.date(2020, 2, 1), datetime.date(2020, 2, 29)),
        (datetime.date(2019, 12, 31), datetime.date(2020, 1, 1)),
        (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)),
        (datetime.date(2020, 5, 5), datetime.date(2020, 5, 5)),
    ):
        tokens = date_tokens(first, last)
        days = [day for token in tokens for day in covered(token)]
        assert len(days) == len(set(days))  # no day twice
        expected = {first + datetime.timedelta(days=n) for n in range((last - first).days + 1)}
        assert set(days) == expected, (first, last)
    assert date_tokens(datetime.date(2020, 1, 15), datetime.date(2022, 3, 2))[-3:] == [
        "m202202",
        "d20220301",
        "d20220302",
    ]
    assert "y2021" in date_tokens(datetime.date(2020, 1, 15), datetime.date(2022, 3, 2))
    assert date_tokens(datetime.date(2021, 1, 1), datetime.date(2020, 1, 1)) == []
    assert date_tokens(datetime.date(9999, 12, 30), datetime.date.max) == [
        "d99991230",
        "d99991231",
    ]


def test_entry_facets():
    assert entry_facets("pm", 12, datetime.date(2020, 3, 5)) == [
        "kpm",
        "o12",
        "y2020",
        "m202003",
        "d20200305",
    ]
    assert entry_facets("arende", None, None) == ["karende"]
