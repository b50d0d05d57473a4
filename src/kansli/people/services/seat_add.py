"""Adding one seat from the form: the person (registered, or new) and the seat, together."""

import datetime

from django.db import transaction

from kansli.core.models import User

from ..models import Membership, MembershipRole, Organization, Party, Person, Term
from ._common import require_manager
from .memberships import membership_create
from .persons import person_create, person_email_set


@transaction.atomic
def seat_add(
    *,
    actor: User | None,
    term: Term,
    organization: Organization,
    role: MembershipRole | str,
    start: datetime.date,
    end: datetime.date | None,
    substitute_order: int | None = None,
    person: Person | None = None,
    first_name: str = "",
    last_name: str = "",
    party: Party | None = None,
    email: str = "",
    allow_namesake: bool = False,
) -> Membership:
    """Give `person` — or a new person of this name, party and e-mail — a seat of `term`.
    A new person whose name and party someone already has is refused (code "namesake")
    unless the user said it is another person (`allow_namesake`). An e-mail given for a
    registered person replaces theirs. One transaction: a refused seat registers no one."""
    require_manager(actor)
    if person is None:
        person = person_create(
            actor=actor,
            first_name=first_name,
            last_name=last_name,
            party=party,
            email=email,
            allow_namesake=allow_namesake,
        )
    elif email.strip() and email.strip() != person.email:
        person = person_email_set(actor=actor, person=person, email=email)
    return membership_create(
        actor=actor,
        person=person,
        organization=organization,
        role=role,
        start=start,
        end=end,
        term=term,
        substitute_order=substitute_order,
    )
