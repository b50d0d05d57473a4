"""What the election services share."""

import datetime

from django.core.exceptions import ValidationError

from kansli.core.checks import not_future
from kansli.core.formatting import genitive
from kansli.people.models import Membership, Term

from .. import rules
from ..models import ByElection, Resignation


def check_past(day: datetime.date, what: str) -> None:
    errors: dict[str, str] = {}
    not_future(errors, "day", day, what)
    if errors:
        raise ValidationError(errors["day"])


def seat_end_of(membership: Membership, day: datetime.date) -> datetime.date:
    """Where a seat vacated on `day` would have ended (rules.seat_end): its own end, else its
    term's, else the body's term covering the day."""
    term_end = membership.term.end if membership.term else None
    if term_end is None:
        covering = Term.objects.filter(
            body=membership.organization.body, start__lte=day, end__gte=day
        ).first()
        term_end = covering.end if covering else None
    end = rules.seat_end(membership.end, term_end)
    if end is None:
        raise ValidationError(
            "Uppdraget har varken slutdatum eller mandatperiod, så fyllnadsvalets period kan "
            "inte räknas ut. Lägg upp mandatperioden först."
        )
    return end


def in_running_text(name: str) -> str:
    """An organization's name inside a sentence: "Rådet för …" → "rådet för …",
    "Regionstyrelsen" → "regionstyrelsen"; a proper name ("Region Örebro län", "Länsgården
    Fastigheter AB": a second word with a capital) is kept."""
    words = name.split()
    if not words or not name[1:2].islower() or (len(words) > 1 and words[1][:1].isupper()):
        return name
    return name[:1].lower() + name[1:]


def _party(code: str) -> str:
    return f" ({code})" if code else ""


def clauses(resignation: Resignation, by_election: ByElection, start: datetime.date) -> list[str]:
    """The proposal, as the corpus writes it (item 5): grant the request, and elect the successor
    for the rest of the term — "....." while no one is named, which keeps the memo from being
    marked ready."""
    membership = resignation.membership
    person = membership.person
    role = membership.get_role_display().lower()
    organization = in_running_text(membership.organization.name)
    party = _party(person.party.code if person.party else "")
    if by_election.person is not None:
        successor = str(by_election.person)
    else:
        successor = "....." + _party(by_election.party.code if by_election.party else "")
    return [
        f"att bevilja {genitive(person.name)}{party} begäran om entledigande från uppdraget som "
        f"{role} i {organization}",
        f"att till ny {role} i {organization} utse {successor} för tiden "
        f"{start.isoformat()} – {by_election.end.isoformat()}",
    ]
