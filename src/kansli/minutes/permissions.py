"""Who may keep minutes and dispatch decisions (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import STAFF_ROLES
from kansli.meetings.permissions import MEETING_STAFF

KEEP_MINUTES = Permission("minutes.keep", "föra protokoll", *MEETING_STAFF)
DISPATCH = Permission("minutes.dispatch", "expediera beslut", *MEETING_STAFF)
SEE_DISPATCH = Permission("minutes.dispatch_list", "se expedieringen", *STAFF_ROLES)
SEE_PREPARATION = Permission("minutes.preparation", "se beredningen", *STAFF_ROLES)
