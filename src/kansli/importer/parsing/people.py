"""People in lists of members: "Andreas Svahn (S), ordförande",
"Eva Lind (S) ersätter Olof Berg (S)"."""

import re
from dataclasses import dataclass

from .text import fold

_PERSON = re.compile(
    r"^(?P<name>[A-ZÅÄÖÉ][\w'’.-]*(?:\s+[A-ZÅÄÖÉa-zåäöé][\w'’.-]*){0,4})\s*"
    r"\((?P<party>[A-ZÅÄÖa-zåäö]{1,6})\)\s*[,–-]?\s*(?P<role>[\w:.\s-]{0,40}?)\s*[.,]?$"
)
_ROLES = {
    "ordförande": "ordforande",
    "ordf": "ordforande",
    "vice ordförande": "vice_ordforande",
    "1:e vice ordförande": "vice_ordforande",
    "förste vice ordförande": "vice_ordforande",
    "2:e vice ordförande": "andre_vice_ordforande",
    "andre vice ordförande": "andre_vice_ordforande",
    "andra vice ordförande": "andre_vice_ordforande",
}
_REPLACES = re.compile(
    r"^(?P<who>.+?\))\s*(?:,\s*)?(?:ersätter|tjänstgör för|för)\s+(?P<whom>.+?)\s*[.,]?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PersonLine:
    name: str
    party: str | None
    role: str | None  # a chair role's code, or None


def person_line(text: str) -> PersonLine | None:
    """ "Andreas Svahn (S), ordförande" → name, party, role; None when the line is no
    person in a list of members."""
    match = _PERSON.match(text.strip())
    if match is None:
        return None
    role_text = fold(match["role"]).rstrip(",")
    role = _ROLES.get(role_text) if role_text else None
    if role_text and role is None:
        return None
    return PersonLine(match["name"].strip(), match["party"].upper(), role)


def replacement_line(text: str) -> tuple[PersonLine, str] | None:
    """ "Eva Lind (S) ersätter Olof Berg (S)" → the serving substitute and whom she replaces."""
    match = _REPLACES.match(text.strip())
    if match is None:
        return None
    who = person_line(match["who"])
    if who is None:
        return None
    whom = person_line(match["whom"])
    return who, whom.name if whom else match["whom"].strip()
