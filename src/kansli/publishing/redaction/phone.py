"""Swedish telephone numbers, national ("019-602 10 00") and international ("+46 19 602 10 00")."""

import re

from .findings import Finding, Kind

_SPACE = r"[ \u00a0\u202f]"
_DASH = r"[-‐‑–—]"
# Between two groups of digits: a dash (with or without spaces around it) or one space.
_SEPARATOR = rf"(?:{_SPACE}?{_DASH}{_SPACE}?|{_SPACE})"

# A candidate: a start (+46, 0046, "(019)" or 0 followed by a digit), then groups of digits.
# It may not be glued to a word or to the digits of a date, a case number or an amount
# ("2020-08-26", "RS 2020-00123", "S2020/03317/FS", "-0,24").
_CANDIDATE = re.compile(
    r"(?<![\w+])(?<!\d[-‐‑–/.,:])"
    rf"(?:(?P<intl>(?:\+|00){_SPACE}?46{_SEPARATOR}?(?:\(0\){_SPACE}?)?)(?=[1-9])"
    rf"|(?P<paren>\(0\d{{1,3}}\){_SPACE}?)"
    r"|(?=0[1-9]))"
    rf"\d+(?:{_SEPARATOR}\d+)*"
)
_GROUP = re.compile(r"\d+")
# What may not follow a number: more digits after a decimal comma, a colon (a time) or a dot.
_BAD_END = re.compile(r"[,.:]\d|\w")

MIN_DIGITS = 8  # "08-123 45" has 8 with the leading 0
MAX_DIGITS = 10  # "070-123 45 67"


def _national_groups(match: re.Match[str]) -> list[tuple[str, int, int]]:
    """The groups of digits of a candidate as (digits, start, end), the first with a leading 0
    as written nationally: "+46 (0)19 602" gives ("019", ..), ("602", ..)."""
    # After the +46 and the (0): the digits of the number itself.
    start = match.end("intl") if match["intl"] else match.start()
    groups = [(g.group(), *g.span()) for g in _GROUP.finditer(match.string, start, match.end())]
    if match["intl"] and groups:
        digits, start, end = groups[0]
        groups[0] = ("0" + digits, start, end)
    return groups


def _valid(groups: list[tuple[str, int, int]], text: str) -> bool:
    """8–10 digits in all; when written in groups the first group is an area code of 2–4 digits
    (so that "02971-2020", a case number, and "201905-1234" are not numbers)."""
    digits = sum(len(g[0]) for g in groups)
    if not MIN_DIGITS <= digits <= MAX_DIGITS:
        return False
    if len(groups) > 1 and not 2 <= len(groups[0][0]) <= 4:
        return False
    return not _BAD_END.match(text, groups[-1][2])


def find_phone_numbers(text: str) -> list[Finding]:
    """Swedish telephone numbers in `text`: mobile and fixed, with area code, with dashes, spaces
    or none, national or with +46/0046. A number followed by other digits ("070-123 45 67 2020")
    is cut at the longest prefix that is a number. Dates, year ranges, amounts, case numbers,
    times, page numbers and postcodes are not numbers: they do not start with a 0 standing alone,
    have too few digits, or are glued to other digits."""
    found = []
    for match in _CANDIDATE.finditer(text):
        groups = _national_groups(match)
        for count in range(len(groups), 0, -1):
            if _valid(groups[:count], text):
                start, end = match.start(), groups[count - 1][2]
                found.append(Finding(Kind.PHONE, text[start:end], start, end))
                break
    return found
