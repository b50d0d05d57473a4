"""Who may do what in finsam (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import STAFF_ROLES, Role

READ_FINSAM = Permission("finsam.read", "se uppgifter om Finsam", *STAFF_ROLES, Role.ELECTED)
# Enter federations, the state's amounts and follow-up figures; make the contribution case
# (the region's finance official is a handläggare).
MANAGE_FINSAM = Permission(
    "finsam.manage",
    "ändra uppgifter om Finsam",
    Role.REGISTRAR,
    Role.OFFICIAL,
    Role.SECRETARY,
)
