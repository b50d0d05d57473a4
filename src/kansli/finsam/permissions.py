"""Who may do what in finsam."""

from kansli.core.roles import Role, Viewer, has_role


def can_manage_finsam(viewer: Viewer | None) -> bool:
    """Enter federations, the state's amounts and follow-up figures; make the contribution
    case (the region's finance official is a handläggare)."""
    return has_role(viewer, Role.OFFICIAL, Role.REGISTRAR, Role.SECRETARY)
