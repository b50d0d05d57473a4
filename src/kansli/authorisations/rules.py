"""Rules of authorisations. Pure functions.

An authorisation granted "tills vidare" (corpus item 8) holds from the decision until it is
revoked. How it is revoked depends on how it was given (lag (1915:218) om avtal, "AvtL",
12–16 and 18 §§): deciding to revoke it, or telling the holder, is not enough when the act
prescribes another way (12 §). An authorisation made known to a third party by a message to
them (a letter to the bank) is revoked when a message of the revocation reaches them (13 §);
one announced publicly, by an announcement made the same way (14 §); one that follows from a
position, when the holder leaves it (15 §); one in a document handed to the holder, when the
document is taken back or destroyed (16 §); one given only by a message to the holder, when
the revocation reaches the holder (18 §). A third party who knows or should know that the
body no longer wants the authorisation used is not protected anyway (20 §); Kansli records
the days, not what a third party knew.

Decision-making delegated by a board (KL 6 kap. 37 §) follows the same span.
"""

import datetime
import re

from kansli.core.law import cites, practice

from .models import GivenBy

# The event that revokes an authorisation given each way, as the keyword (and model field)
# that holds its day.
REVOKING_EVENT: dict[str, str] = {
    GivenBy.THIRD_PARTY: "third_party_told_on",
    GivenBy.PUBLIC: "revocation_announced_on",
    GivenBy.POSITION: "left_position_on",
    GivenBy.DOCUMENT: "document_returned_on",
    GivenBy.HOLDER_ONLY: "holder_told_on",
}

# For the pages: where the act says so, how it is revoked, and what has not happened while a
# revocation decided has no effect yet.
PARAGRAPH: dict[str, str] = {
    GivenBy.THIRD_PARTY: "13 §",
    GivenBy.PUBLIC: "14 §",
    GivenBy.POSITION: "15 §",
    GivenBy.DOCUMENT: "16 §",
    GivenBy.HOLDER_ONLY: "18 §",
}
HOW_REVOKED: dict[str, str] = {
    GivenBy.THIRD_PARTY: "när ett meddelande om återkallelsen har kommit fram till banken eller "
    "den andra som fått meddelande om fullmakten",
    GivenBy.PUBLIC: "genom att återkallelsen kungörs på samma sätt som fullmakten",
    GivenBy.POSITION: "när innehavaren lämnar befattningen",
    GivenBy.DOCUMENT: "genom att fullmaktshandlingen tas tillbaka eller förstörs",
    GivenBy.HOLDER_ONLY: "när beskedet om återkallelsen har kommit fram till fullmäktigen",
}
NOT_YET: dict[str, str] = {
    GivenBy.THIRD_PARTY: "banken eller annan tredje man har inte underrättats",
    GivenBy.PUBLIC: "återkallelsen har inte kungjorts",
    GivenBy.POSITION: "innehavaren har inte lämnat befattningen",
    GivenBy.DOCUMENT: "fullmaktshandlingen har inte tagits tillbaka eller förstörts",
    GivenBy.HOLDER_ONLY: "fullmäktigen har inte fått beskedet",
}


@cites(
    "AvtL 12–16 §§",
    "AvtL 18 §",
    says="Hur fullmakten gavs avgör vad som återkallar den; att bara säga till fullmäktigen "
    "räcker inte.",
)
def revoking_event(given_by: str) -> str:
    """The event that revokes an authorisation given by `given_by` (a GivenBy value), named by
    its keyword: a message reaching the third party (AvtL 13 §), an announcement made the way
    the authorisation was (14 §), the holder leaving the position (15 §), the document taken
    back or destroyed (16 §), a message reaching the holder (18 §). 12 § makes that event
    necessary: telling the holder does not revoke an authorisation of 13–16 §§.

    Raises ValueError for a way the act does not know."""
    try:
        return REVOKING_EVENT[given_by]
    except KeyError:
        raise ValueError(f"unknown way of giving an authorisation: {given_by!r}") from None


@cites(
    "AvtL 12–16 §§",
    "AvtL 18 §",
    says="Återkallelsen får verkan den dag det som lagen föreskriver för fullmakten har skett.",
)
def revocation_effective_on(
    given_by: str,
    *,
    third_party_told_on: datetime.date | None = None,
    revocation_announced_on: datetime.date | None = None,
    left_position_on: datetime.date | None = None,
    document_returned_on: datetime.date | None = None,
    holder_told_on: datetime.date | None = None,
) -> datetime.date | None:
    """The day the revocation of an authorisation given by `given_by` takes effect: the day of
    the event that revokes it (revoking_event), or None while that has not happened. The other
    days do not count (AvtL 12 §): a bank authorisation (13 §) whose holder was told but whose
    bank was not is still in force."""
    days = {
        "third_party_told_on": third_party_told_on,
        "revocation_announced_on": revocation_announced_on,
        "left_position_on": left_position_on,
        "document_returned_on": document_returned_on,
        "holder_told_on": holder_told_on,
    }
    return days[revoking_event(given_by)]


@cites(
    "AvtL 12 §",
    says="En fullmakt gäller från sin första dag tills återkallelsen har fått verkan.",
)
def valid_on(
    valid_from: datetime.date,
    day: datetime.date,
    *,
    given_by: str,
    third_party_told_on: datetime.date | None = None,
    revocation_announced_on: datetime.date | None = None,
    left_position_on: datetime.date | None = None,
    document_returned_on: datetime.date | None = None,
    holder_told_on: datetime.date | None = None,
) -> bool:
    """Whether the authorisation may be used on `day`, towards third parties: from its first
    day, and no longer from the day its revocation takes effect (revocation_effective_on). A
    revocation decided but not yet brought about the way the act prescribes leaves it in
    force (AvtL 12 §). The effect day itself no longer counts: the event may have happened
    in the morning."""
    effective = revocation_effective_on(
        given_by,
        third_party_told_on=third_party_told_on,
        revocation_announced_on=revocation_announced_on,
        left_position_on=left_position_on,
        document_returned_on=document_returned_on,
        holder_told_on=holder_told_on,
    )
    return valid_from <= day and (effective is None or day < effective)


@practice(
    says="Det som återkallar en fullmakt sker efter beslutet om återkallelse (utom när "
    "innehavaren lämnar befattningen), inte före fullmaktens första dag och inte i framtiden."
)
def revocation_event_problem(
    event: str,
    day: datetime.date,
    *,
    valid_from: datetime.date,
    decided_on: datetime.date,
    today: datetime.date,
) -> str:
    """Why `day` cannot be the day of `event` (a keyword of revocation_effective_on), or "".

    The events record what has happened, so none lies in the future. A message or an
    announcement of the revocation, or taking back the document, follows the decision to
    revoke. Leaving a position is different: it ends the authorisation that follows from the
    position by itself (AvtL 15 §), so the decision may be recorded afterwards; it cannot come
    before the authorisation's first day."""
    if day > today:
        return f"Dagen {day.isoformat()} ligger i framtiden; anteckna den när det har skett."
    if event == "left_position_on":
        if day < valid_from:
            return (
                f"Dagen {day.isoformat()} ligger före den dag fullmakten började gälla "
                f"({valid_from.isoformat()})."
            )
        return ""
    if day < decided_on:
        return (
            f"Dagen {day.isoformat()} ligger före beslutet om återkallelse "
            f"({decided_on.isoformat()})."
        )
    return ""


@practice(says="Den som har fullmakten kan inte själv vara den som kontrasignerar.")
def countersigned_by_holder(holder_name: str, countersign: str) -> bool:
    """True when the holder is named among those who must countersign: a countersignature
    is a second person's, so that is a contradiction."""
    name = " ".join(holder_name.split()).casefold()
    if not name:
        return False
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", countersign.casefold()) is not None
