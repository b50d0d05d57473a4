from django.http import HttpRequest

from . import roles


def kansli(request: HttpRequest) -> dict[str, object]:
    """What every page may ask of the viewer. Whether they may do an action is asked of its
    permission: `{% if user|may:"meetings.manage" %}` (kansli.core.permissions)."""
    user = getattr(request, "user", None)
    return {
        "viewer_roles": roles.roles_of(user),
        "viewer_is_staff": roles.is_staff_member(user),
    }
