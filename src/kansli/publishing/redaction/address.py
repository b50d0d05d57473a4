"""Swedish postal addresses: "Drottninggatan 5B, 702 10 Örebro", "Box 1613, 701 16 Örebro"."""

import re

from .findings import Finding, Kind

_UPPER = "A-ZÅÄÖÉÜ"
_LETTER = "a-zåäöéüA-ZÅÄÖÉÜ"
_SPACE = r"[ \u00a0]"
_CAPWORD = rf"[{_UPPER}][{_LETTER}]+"

# The endings of Swedish street names written as one word ("Storgatan", "Stortorget").
STREET_ENDINGS = (
    "gatan|gata|vägen|väg|gränden|gränd|torget|torg|allén|allé|stigen|backen|plan|leden"
    "|stråket|platsen|kajen|esplanaden|promenaden"
)
# The same as a word of its own after a name in the genitive: "Olof Palmes gata",
# "Erlands Oskars väg".
_STREET_WORDS = (
    "gatan|gata|vägen|väg|gränden|gränd|torget|torg|allén|allé|stigen|stig|backen|backe|plan"
    "|leden|led|stråket|stråk|platsen|plats"
)
_ADJECTIVES = "Gamla|Nya|Stora|Lilla|Norra|Södra|Östra|Västra|Övre|Nedre|Långa|Breda"
# Words with a street ending that are not streets: plans, roads by their number.
_NOT_STREETS = (
    "splan",  # verksamhetsplan, handlingsplan, åtgärdsplan, översiktsplan, ...
    "detaljplan",
    "budgetplan",
    "kontrollplan",
    "tidplan",
    "krisplan",
    "vårdplan",
    "miljöplan",
    "skolplan",
    "riksväg",
    "riksvägen",
    "länsväg",
    "länsvägen",
    "europaväg",
    "europavägen",
    "motorväg",
    "motorvägen",
    "landsväg",
    "landsvägen",
    "genväg",
    "omväg",
)

_STREET_NAME = (
    rf"(?P<name>(?:(?:S:t|Sankt|{_ADJECTIVES}){_SPACE})?[{_UPPER}][{_LETTER}-]*?(?i:{STREET_ENDINGS})"
    rf"|(?:(?:S:t|{_CAPWORD}){_SPACE}){{0,2}}(?:[{_UPPER}][{_LETTER}]*s|{_ADJECTIVES})"
    rf"{_SPACE}(?i:{_STREET_WORDS}))"
)
# A house number with an optional letter or range, and an optional flat: "5B", "12 A",
# "12-14", "12 lgh 1102".
_NUMBER = (
    r"\d{1,3}(?!\d)(?:[-–]\d{1,3}(?!\d))?"
    rf"(?:{_SPACE}?[A-Ha-h](?![{_LETTER}\d]))?"
    rf"(?:,?{_SPACE}(?:lgh|lägenhet)\.?{_SPACE}?\d{{3,4}}(?!\d))?"
    r"(?![.,:]\d)"
)
_TOWN = rf"(?:(?:{_ADJECTIVES}|Upplands){_SPACE})?{_CAPWORD}(?:-{_CAPWORD})?"
_POSTCODE = rf"(?:SE-?)?\d{{3}}{_SPACE}?\d{{2}}(?!\d),?{_SPACE}+{_TOWN}(?![{_LETTER}\d])"
# ", 702 10 Örebro" or " 702 10 Örebro" on the same line.
_SAME_LINE = rf"(?P<postal>(?:,{_SPACE}*|{_SPACE}+){_POSTCODE})?"

_LINES = (
    re.compile(rf"(?<![{_LETTER}\d:-]){_STREET_NAME}{_SPACE}+{_NUMBER}{_SAME_LINE}"),
    re.compile(rf"(?<![{_LETTER}\d])(?:Box|BOX|Postbox){_SPACE}+\d{{1,6}}(?!\d){_SAME_LINE}"),
    # Any name with a number is an address when the postcode follows after a comma
    # ("Blackstahyttan 612, 702 92 Örebro").
    re.compile(
        rf"(?<![{_LETTER}\d]){_CAPWORD}(?:[ -]{_CAPWORD})?{_SPACE}+\d{{1,4}}(?!\d)"
        rf"(?:{_SPACE}?[A-Ha-h](?![{_LETTER}\d]))?(?P<postal>,{_SPACE}*{_POSTCODE})"
    ),
)
# The postcode and town on the next line (or after one empty line), also in Markdown emphasis.
_NEXT_LINE = re.compile(
    rf"[ \t\u00a0*_]*\r?\n(?:[ \t\u00a0*_]*\r?\n)?[ \t\u00a0*_]*(?P<postal>{_POSTCODE})"
)


def _is_street(name: str | None) -> bool:
    return name is None or not name.lower().endswith(_NOT_STREETS)


def find_addresses(text: str) -> list[Finding]:
    """Street addresses in `text`: a capitalised street name with a Swedish street ending and a
    house number ("Storgatan 12 lgh 1102"), "Box 1613", or any name and number followed by a
    comma and a postcode; each with the postcode and town that follow on the same line, and a
    postcode and town on the next line as a finding of its own. Overlapping matches are all
    returned (the caller keeps the longest). Plans ("Handlingsplan 2"), numbered roads
    ("Riksväg 50") and lower-case phrases ("vägen framåt 2024") are not addresses."""
    found: dict[tuple[int, int], Finding] = {}
    for pattern in _LINES:
        for match in pattern.finditer(text):
            if not _is_street(match.groupdict().get("name")):
                continue
            found[match.span()] = Finding(Kind.ADDRESS, match.group(), *match.span())
            if match["postal"]:
                continue
            after = _NEXT_LINE.match(text, match.end())
            if after:
                start, end = after.span("postal")
                found[start, end] = Finding(Kind.ADDRESS, text[start:end], start, end)
    return sorted(found.values(), key=lambda f: (f.start, -f.end))
