"""Who may review a document's publication."""

from kansli.core.roles import Role, Viewer, has_role
from kansli.registry.models import Case
from kansli.registry.selectors import may_see_secrets_of


def can_review(viewer: Viewer | None, case: Case) -> bool:
    """The registry, the board secretaries, and the case's own official."""
    return has_role(viewer, Role.REGISTRAR, Role.SECRETARY) or may_see_secrets_of(viewer, case)
