"""Registry rules (offentlighets- och sekretesslagen, OSL). Pure functions.

The OSL paragraph numbers are confirmed by several secondary sources, not read in the statute
text (LAW-VERIFIED.md rows 32–33), so the rules say verified=False.
"""

import datetime
import re

from kansli.core.law import cites, local_rule
from kansli.core.workdays import add_years

_OSL_REFERENCE = re.compile(
    r"^(OSL\s+)?\d{1,2}\s*kap\.?\s*\d{1,3}\s*[a-z]?\s*§(\s*(första|andra|tredje|fjärde|\d)"
    r"\s*(st\.?|stycket))?(\s*(OSL|offentlighets- och sekretesslagen(\s*\(2009:400\))?))?$",
    re.IGNORECASE,
)


@cites(
    "OSL 5 kap. 1–2 §§",
    says="Registreringen anger dagen handlingen kom in eller upprättades; den ligger inte i "
    "framtiden.",
    verified=False,
)
def registration_date_is_valid(day: datetime.date, today: datetime.date) -> bool:
    """A registered document's date (received, drawn up or sent) is not in the future.

    OSL 5 kap. 1–2 §§: a registration records the date the document came in or was
    drawn up; a document cannot have come in after the day it is registered.
    """
    return day <= today


@cites(
    "OSL 5 kap. 5 §",
    says="En sekretessmarkering anger sekretessbestämmelsen, dagen och myndigheten.",
    verified=False,
)
def secrecy_reference_is_valid(reference: str) -> bool:
    """A secrecy marking names the paragraph of OSL it rests on, e.g. "OSL 21 kap. 1 §".

    OSL 5 kap. 5 §: a document that may hold secret information may be marked; the marking
    states the provision applied, the date and the authority that marked it (the date and
    the authority are kept beside the reference: Document.secrecy_marked_on and the case's
    organization). A marking is only a warning: each request is still tried on its merits.
    """
    return bool(_OSL_REFERENCE.match(reference.strip()))


@cites(
    "OSL 5 kap. 5 §",
    says="Markeringen visar lagrummet, dagen den gjordes och myndigheten som gjorde den.",
    verified=False,
)
def secrecy_marking(reference: str, marked_on: datetime.date | None, authority: str) -> str:
    """The marking as shown: "OSL 21 kap. 1 §, markerad 2026-12-07 av Regionstyrelsen".
    A marking from before Kansli kept the date or the authority shows what is known."""
    text = reference.strip()
    if marked_on is not None:
        text += f", markerad {marked_on.isoformat()}"
    if authority:
        text += f" av {authority}" if marked_on is not None else f", markerad av {authority}"
    return text


@local_rule(
    "informationshanteringsplanen",
    says="Gallringsfristen räknas från dagen ärendet avslutades; ”vid inaktualitet” får "
    "gallras när ärendet är avslutat och arkivarien bedömer att handlingen inte behövs.",
)
def disposal_due_on(
    *, keep: bool, years: int | None, on_inactuality: bool, closed_on: datetime.date | None
) -> datetime.date | None:
    """The first day the plan lets a document go, or None: never while its case is open,
    never when the plan keeps it; the closing day for "vid inaktualitet" (the archivist
    judges that it is no longer needed); the closing day plus the period otherwise."""
    if keep or closed_on is None:
        return None
    if on_inactuality:
        return closed_on
    if years is None:
        return None
    return add_years(closed_on, years)


@cites(
    "lag (1990:782) 10 §",
    says="Allmänna handlingar får gallras bara enligt vad myndigheten beslutat; det som "
    "planen säger ska bevaras gallras inte.",
)
def disposal_refusal(
    *,
    planned: bool,
    keep: bool,
    due_on: datetime.date | None,
    today: datetime.date,
    case_open: bool,
) -> str:
    """Why a document may not be disposed of today, or "" when it may.

    Arkivlagen 10 §: public documents may be disposed of (gallras), within what the body has
    decided; what remains must serve public access, justice and research (3 §). Kansli
    disposes of nothing the plan does not name, nothing it keeps, nothing of an open case
    and nothing before its period has run.
    """
    if not planned:
        return "handlingens process och typ står inte i informationshanteringsplanen"
    if keep:
        return "informationshanteringsplanen säger att den ska bevaras"
    if case_open:
        return "ärendet är inte avslutat"
    if due_on is None or due_on > today:
        when = f" förrän {due_on.isoformat()}" if due_on else ""
        return f"gallringsfristen har inte löpt ut; den får inte gallras{when}"
    return ""
