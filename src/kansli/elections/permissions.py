"""Who may do what with resignations, vacancies and by-elections (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import STAFF_ROLES, Role

READ_ELECTIONS = Permission(
    "elections.read", "se entlediganden och fyllnadsval", *STAFF_ROLES, Role.ELECTED
)
KEEP_ELECTIONS = Permission(
    "elections.keep",
    "föra entlediganden och fyllnadsval",
    Role.SECRETARY,
    Role.ADMINISTRATOR,
)
# The request is registered as a case too: the roles that may both keep elections and
# register (KEEP_ELECTIONS and registry.REGISTER_CASES).
REGISTER_RESIGNATIONS = Permission(
    "elections.register", "registrera en begäran om entledigande", Role.SECRETARY
)
