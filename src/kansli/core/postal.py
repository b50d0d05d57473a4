"""Postal addresses a letter can be sent to. Pure functions.

Not law: what the post needs to deliver a letter. A Swedish address has a street or box line
and, after it, the postnummer (five digits, "NNN NN" with or without the space) followed by
the town — as its last line, or before a last line "Sverige". A foreign address ends with a
country line after a line with the postal code. The lines may be given on separate lines or
separated by ", ". A name or a unit alone ("Staben") is not an address.
"""

import re

# "701 16 Örebro", "70116 ÖREBRO", "SE-701 16 Örebro": a postnummer and a town without digits.
_SWEDISH_POSTCODE_TOWN = re.compile(r"^(?:SE-?\s?|S-)?\d{3} ?\d{2}\s+[^\W\d_][^\d]*$")
_SWEDEN = {"sverige", "sweden"}
# A street with its number ("Exempelgatan 4", "10 Downing Street") or a box ("Box 1613").
_STREET_OR_BOX = re.compile(r"(?=.*[^\W\d_])(?=.*\d)")
# A country: letters, spaces and hyphens only ("Norge", "United Kingdom", "Bosnien-Hercegovina").
_COUNTRY = re.compile(r"^[^\W\d_]+(?:[ \-.'][^\W\d_]+)*\.?$")


def address_lines(text: str) -> list[str]:
    """The address's lines: split on line breaks and on ", ", each on one line, empty ones
    left out."""
    parts = re.split(r"[\r\n]+|,\s+|,$", text.replace("\x00", ""))
    return [" ".join(part.split()) for part in parts if part.strip()]


def _street_before(lines: list[str], index: int) -> bool:
    return any(_STREET_OR_BOX.match(line) for line in lines[:index])


def is_postal_address(text: str) -> bool:
    """Whether `text` is a postal address a letter can be sent to: a Swedish one (street or
    box line, then "NNN NN Ort", optionally then "Sverige") or a foreign one (street line,
    postal code line, country line last)."""
    lines = address_lines(text)
    if len(lines) < 2:
        return False
    last = lines[-1]
    if _SWEDISH_POSTCODE_TOWN.match(last):
        return _street_before(lines, len(lines) - 1)
    if last.casefold() in _SWEDEN:
        return (
            len(lines) >= 3
            and _SWEDISH_POSTCODE_TOWN.match(lines[-2]) is not None
            and _street_before(lines, len(lines) - 2)
        )
    if len(lines) >= 3 and _COUNTRY.match(last):
        return _has_postal_code(lines[-2]) and _street_before(lines, len(lines) - 2)
    return False


def _has_postal_code(line: str) -> bool:
    """A line with a postal code of at least three characters holding a digit ("0155 Oslo",
    "SW1A 2AA", "D-10115 Berlin"), not a floor or room number ("Rum 3")."""
    return any(len(word) >= 3 and re.search(r"\d", word) for word in line.split())
