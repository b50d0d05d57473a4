"""What the detectors report: the kind of personal data and where it is in the text."""

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of personal data Kansli looks for; the values are shown to users."""

    PERSONAL_NUMBER = "personnummer"
    PHONE = "telefonnummer"
    EMAIL = "e-postadress"
    ADDRESS = "adress"


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: `text == source[start:end]`."""

    kind: Kind
    text: str
    start: int
    end: int
