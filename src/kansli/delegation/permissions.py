"""Who may do what with delegated decisions and the delegation order
(kansli.core.permissions). Putting the report on an agenda is the meetings' own action
(meetings.EDIT_AGENDA)."""

from kansli.core.permissions import Permission
from kansli.core.roles import STAFF_ROLES, Role
from kansli.meetings.permissions import MEETING_STAFF

READ_DELEGATION = Permission("delegation.read", "se delegationsbeslut", *STAFF_ROLES, Role.ELECTED)
REGISTER_DECISIONS = Permission(
    "delegation.register",
    "registrera delegationsbeslut",
    Role.REGISTRAR,
    Role.OFFICIAL,
    Role.SECRETARY,
)
EDIT_ORDER = Permission("delegation.order", "ändra delegationsordningen", *MEETING_STAFF)
