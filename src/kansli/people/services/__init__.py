"""Writes for bodies, organizations, parties, terms, people, seats and officials.

Each function: keyword-only arguments, a required actor, one transaction, full_clean()
before save and an audit row. Bad input raises ValidationError with a Swedish message."""

from .memberships import (
    membership_create,
    membership_end,
    membership_reinstate,
    substitutes_reorder,
)
from .organisation import (
    body_create,
    official_create,
    organization_create,
    organization_update,
    party_create,
    party_update,
    term_create,
    term_update,
)
from .persons import person_create, person_email_set, person_update
from .seat_add import seat_add
from .seat_import import seats_import
from .term_copy import term_copy_seats

__all__ = [
    "body_create",
    "membership_create",
    "membership_end",
    "membership_reinstate",
    "official_create",
    "organization_create",
    "organization_update",
    "party_create",
    "party_update",
    "person_create",
    "person_email_set",
    "person_update",
    "seat_add",
    "seats_import",
    "substitutes_reorder",
    "term_copy_seats",
    "term_create",
    "term_update",
]
