"""Who may do what with authorisations (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import STAFF_ROLES, Role

READ_AUTHORISATIONS = Permission("authorisations.read", "se fullmakter", *STAFF_ROLES, Role.ELECTED)
KEEP_AUTHORISATIONS = Permission(
    "authorisations.keep",
    "föra in och återkalla fullmakter",
    Role.SECRETARY,
    Role.REGISTRAR,
    Role.ADMINISTRATOR,
)
