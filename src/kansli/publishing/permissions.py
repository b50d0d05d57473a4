"""Who may review a document's publication (kansli.core.permissions)."""

from kansli.core.permissions import Permission
from kansli.core.roles import Role, Viewer
from kansli.registry.models import Case
from kansli.registry.selectors import may_see_secrets_of

# The registry and the board secretaries review every case's documents; an official reviews
# the documents of the cases that are theirs (can_review).
REVIEW_ALL = Permission(
    "publishing.review", "granska alla ärendens handlingar", Role.REGISTRAR, Role.SECRETARY
)


def can_review(viewer: Viewer | None, case: Case) -> bool:
    """The registry, the board secretaries, and the case's own official."""
    return REVIEW_ALL(viewer) or may_see_secrets_of(viewer, case)
