"""Rules of authorisations. Pure functions.

An authorisation granted "tills vidare" (corpus item 8) holds from the decision until it is
revoked; a revocation takes effect on its day (lag (1915:218) om avtal, 12–16 §§, on
revoking a fullmakt). Decision-making delegated by a board (KL 6 kap. 37 §) follows the same
span.
"""

import datetime
import re

from kansli.core.law import cites, practice


@cites(
    "AvtL 12–16 §§",
    says="En fullmakt gäller från sin första dag tills återkallelsen får verkan.",
)
def valid_on(
    valid_from: datetime.date, revoked_on: datetime.date | None, day: datetime.date
) -> bool:
    """Whether the authorisation may be used on `day`: from its first day, and no longer from
    the day it is revoked."""
    return valid_from <= day and (revoked_on is None or day < revoked_on)


@practice(says="Den som har fullmakten kan inte själv vara den som kontrasignerar.")
def countersigned_by_holder(holder_name: str, countersign: str) -> bool:
    """True when the holder is named among those who must countersign: a countersignature
    is a second person's, so that is a contradiction."""
    name = " ".join(holder_name.split()).casefold()
    if not name:
        return False
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", countersign.casefold()) is not None
