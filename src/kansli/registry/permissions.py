"""Who may do what in the registry (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import Role

REGISTER_CASES = Permission(
    "registry.register", "registrera i diariet", Role.REGISTRAR, Role.OFFICIAL, Role.SECRETARY
)
MANAGE_SERIES = Permission(
    "registry.series",
    "ändra diarieserierna",
    Role.REGISTRAR,
    Role.ADMINISTRATOR,
    superuser=True,
)
