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
KEEP_PLAN = Permission(
    "registry.plan",
    "ändra klassificeringsstrukturen och informationshanteringsplanen",
    Role.ARCHIVIST,
    Role.ADMINISTRATOR,
    superuser=True,
)
READ_PLAN = Permission(
    "registry.plan_read",
    "läsa informationshanteringsplanen",
    Role.ARCHIVIST,
    Role.REGISTRAR,
    Role.ADMINISTRATOR,
    superuser=True,
)
DISPOSE = Permission("registry.dispose", "besluta om gallring", Role.ARCHIVIST)
CLASSIFY_CASES = Permission(
    "registry.classify",
    "klassificera ärenden",
    Role.REGISTRAR,
    Role.OFFICIAL,
    Role.SECRETARY,
    Role.ARCHIVIST,
)
