"""Who may do what with follow-ups and assignments (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import STAFF_ROLES, Role

READ_FOLLOW_UPS = Permission(
    "followups.read", "se uppföljning och uppdrag", *STAFF_ROLES, Role.ELECTED
)
KEEP_FOLLOW_UPS = Permission(
    "followups.keep",
    "föra uppföljning och uppdrag",
    Role.REGISTRAR,
    Role.OFFICIAL,
    Role.SECRETARY,
)
