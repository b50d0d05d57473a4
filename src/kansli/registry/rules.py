"""Registry rules (offentlighets- och sekretesslagen, OSL). Pure functions."""

import datetime
import re

_OSL_REFERENCE = re.compile(
    r"^(OSL\s+)?\d{1,2}\s*kap\.?\s*\d{1,3}\s*[a-z]?\s*§(\s*(första|andra|tredje|fjärde|\d)"
    r"\s*(st\.?|stycket))?(\s*(OSL|offentlighets- och sekretesslagen(\s*\(2009:400\))?))?$",
    re.IGNORECASE,
)


def registration_date_is_valid(day: datetime.date, today: datetime.date) -> bool:
    """A registered document's date (received, drawn up or sent) is not in the future.

    OSL 5 kap. 1–2 §§: a registration records the date the document came in or was
    drawn up; a document cannot have come in after the day it is registered.
    """
    return day <= today


def secrecy_reference_is_valid(reference: str) -> bool:
    """A secrecy marking names the paragraph of OSL it rests on, e.g. "OSL 21 kap. 1 §".

    OSL 5 kap. 2 §: the marking of a secret document states the provision applied.
    """
    return bool(_OSL_REFERENCE.match(reference.strip()))
