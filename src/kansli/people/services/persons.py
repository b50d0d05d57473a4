"""Writes for elected representatives (förtroendevalda): register, change.

A person with the same name and party as someone already registered is never created in
silence: the caller must say it is another person (`allow_namesake=True`) after asking the
user "Det finns redan … – är det samma person?"."""

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User

from ..email import is_email_address
from ..models import Party, Person
from ..namesakes import namesake_question, namesakes_of
from ._common import changes_between, require_manager

NAMESAKE = "namesake"


def _person_checked(person: Person, *, allow_namesake: bool) -> None:
    person.first_name = " ".join(person.first_name.split())
    person.last_name = " ".join(person.last_name.split())
    person.email = person.email.strip()
    errors = {}
    if not person.first_name:
        errors["first_name"] = "Ange förnamnet."
    if not person.last_name:
        errors["last_name"] = "Ange efternamnet."
    if person.email and not is_email_address(person.email):
        errors["email"] = f"”{person.email[:80]}” är ingen giltig e-postadress."
    if errors:
        raise ValidationError(errors)
    person.full_clean()
    if not allow_namesake:
        found = namesakes_of(person.first_name, person.last_name, person.party, exclude=person.pk)
        if found:
            raise ValidationError(namesake_question(found), code=NAMESAKE)


@transaction.atomic
def person_create(
    *,
    actor: User | None,
    first_name: str,
    last_name: str,
    party: Party | None = None,
    user: User | None = None,
    email: str = "",
    allow_namesake: bool = False,
) -> Person:
    """Register a person. Refused (code "namesake") when someone of the same name and party
    exists, unless the caller has asked and the user said it is another person."""
    require_manager(actor)
    person = Person(first_name=first_name, last_name=last_name, party=party, user=user, email=email)
    _person_checked(person, allow_namesake=allow_namesake)
    person.save()
    audit_record(
        actor=actor,
        action="person_create",
        obj=person,
        summary=f"Registrerade förtroendevald {person}.",
        scope=f"person:{person.pk}",
    )
    return person


_FIELDS = ("first_name", "last_name", "party_id", "email")


@transaction.atomic
def person_update(
    *,
    actor: User | None,
    person: Person,
    first_name: str,
    last_name: str,
    party: Party | None,
    email: str,
    allow_namesake: bool = False,
) -> Person:
    """Change a person's name, party or e-mail (the address notices are sent to)."""
    require_manager(actor)
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = {field: getattr(person, field) for field in _FIELDS}
    person.first_name, person.last_name, person.party, person.email = (
        first_name,
        last_name,
        party,
        email,
    )
    _person_checked(person, allow_namesake=allow_namesake)
    after = {field: getattr(person, field) for field in _FIELDS}
    changes = changes_between(before, after)
    if not changes:
        return person
    person.save()
    audit_record(
        actor=actor,
        action="person_update",
        obj=person,
        summary=f"Ändrade uppgifterna för {person}.",
        scope=f"person:{person.pk}",
        changes=changes,
    )
    return person


@transaction.atomic
def person_email_set(*, actor: User | None, person: Person, email: str) -> Person:
    """Give a person a new e-mail address (from a seat form or a CSV file)."""
    return person_update(
        actor=actor,
        person=person,
        first_name=person.first_name,
        last_name=person.last_name,
        party=person.party,
        email=email,
        allow_namesake=True,
    )
