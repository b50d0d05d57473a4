"""Who may write memos (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import STAFF_ROLES

WRITE_MEMOS = Permission("memos.write", "skriva föredragnings-PM", *STAFF_ROLES)
