"""Find what a file names among what Kansli already has; create it when it is missing.

Every write goes through the people and registry services. Lookups are by natural key —
an organization's name, a person's full name, a party's code, a case's number — so that a
second import of the same file finds everything and writes nothing.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat

from kansli.core.models import User
from kansli.people.models import (
    Body,
    Membership,
    MembershipRole,
    Organization,
    OrganizationKind,
    Party,
    Person,
)
from kansli.people.models.membership import CHAIR_ROLES
from kansli.people.services import (
    membership_create,
    organization_create,
    party_create,
    person_create,
)

from .log import Log

PARTY_NAMES = {
    "S": "Socialdemokraterna",
    "M": "Moderaterna",
    "SD": "Sverigedemokraterna",
    "C": "Centerpartiet",
    "V": "Vänsterpartiet",
    "KD": "Kristdemokraterna",
    "L": "Liberalerna",
    "MP": "Miljöpartiet de gröna",
}


def organization_kind(name: str) -> OrganizationKind:
    """The kind an organ's name tells: "Regionfullmäktige" is a council, "Kommunstyrelsens
    arbetsutskott" a working committee."""
    folded = name.casefold()
    if "utskott" in folded:
        return OrganizationKind.WORKING_COMMITTEE
    if folded.endswith("fullmäktige"):
        return OrganizationKind.COUNCIL
    if folded.endswith(("styrelsen", "styrelse")):
        return OrganizationKind.BOARD
    if folded.endswith(("rådet", "råd")):
        return OrganizationKind.ADVISORY_COUNCIL
    return OrganizationKind.COMMITTEE


def organization(actor: User | None, body: Body, name: str, log: Log) -> Organization:
    found = Organization.objects.filter(body=body, name__iexact=name).first()
    if found is not None:
        return found
    log.created(f"Organ {name}")
    return organization_create(actor=actor, body=body, name=name, kind=organization_kind(name))


def party(actor: User | None, code: str | None, log: Log) -> Party | None:
    if not code:
        return None
    found = Party.objects.filter(code__iexact=code).first()
    if found is not None:
        return found
    log.created(f"Parti {code}")
    return party_create(actor=actor, code=code.upper(), name=PARTY_NAMES.get(code.upper(), code))


def person(actor: User | None, name: str, party_code: str | None, log: Log) -> Person:
    """The person of this full name (and party, when one is given)."""
    candidates = Person.objects.annotate(
        full_name=Concat("first_name", Value(" "), "last_name")
    ).filter(full_name__iexact=" ".join(name.split()))
    if party_code:
        with_party = candidates.filter(party__code__iexact=party_code).first()
        if with_party is not None:
            return with_party
    found = candidates.first()
    if found is not None:
        return found
    first, _, last = " ".join(name.split()).partition(" ")
    log.created(f"Person {name}" + (f" ({party_code})" if party_code else ""))
    return person_create(
        actor=actor, first_name=first, last_name=last or first, party=party(actor, party_code, log)
    )


def membership(
    actor: User | None,
    person_: Person,
    organization_: Organization,
    role: str,
    day: datetime.date,
    log: Log,
) -> Membership:
    """The person's seat in the organ on the day; created from the day on when there is none."""
    covering = Membership.objects.filter(
        person=person_, organization=organization_, start__lte=day
    ).filter(Q(end__isnull=True) | Q(end__gte=day))
    found = covering.first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            created = membership_create(
                actor=actor, person=person_, organization=organization_, role=role, start=day
            )
    except ValidationError as error:
        # Only one chair of each kind at a time (the people service's rule): an import
        # never moves a chair; the person gets a plain seat, and the user is told.
        if role not in CHAIR_ROLES or "role" not in error.message_dict:
            raise
        log.warn(
            f"{person_} står som {MembershipRole(role).label.lower()} i filen, men "
            f"{error.message_dict['role'][0]} {person_} läggs in som ledamot."
        )
        role = MembershipRole.MEMBER
        created = membership_create(
            actor=actor, person=person_, organization=organization_, role=role, start=day
        )
    log.created(f"Uppdrag {person_}: {MembershipRole(role).label.lower()} i {organization_}")
    return created
