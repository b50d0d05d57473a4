"""Who may do what with bodies, terms, people and seats (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import Role

MANAGE_PEOPLE = Permission(
    "people.manage",
    "ändra organ, mandatperioder och uppdrag",
    Role.SECRETARY,
    Role.ADMINISTRATOR,
)
