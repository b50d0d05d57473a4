"""Who may do what with motions and citizen proposals (kansli.core.permissions).
Putting one on an agenda is the meetings' own action (meetings.EDIT_AGENDA)."""

from kansli.core.permissions import Permission
from kansli.core.roles import STAFF_ROLES, Role
from kansli.meetings.permissions import EDIT_AGENDA

from .rules import Step

READ_INITIATIVES = Permission(
    "initiatives.read", "se motioner och medborgarförslag", *STAFF_ROLES, Role.ELECTED
)
KEEP_INITIATIVES = Permission(
    "initiatives.keep",
    "föra motioner och medborgarförslag",
    Role.REGISTRAR,
    Role.OFFICIAL,
    Role.SECRETARY,
)

# Who may take each step of the workflow (rules.next_steps says when).
STEP_PERMISSIONS = {step: KEEP_INITIATIVES for step in Step} | {Step.ANNOUNCE: EDIT_AGENDA}
