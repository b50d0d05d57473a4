"""`{% if user|may:"meetings.manage" %}`: the template side of `kansli.core.permissions`.

Installed as a builtin (settings TEMPLATES), so no template needs to load it."""

from django import template

from kansli.core.permissions import permission
from kansli.core.roles import Viewer

register = template.Library()


@register.filter
def may(viewer: Viewer | None, name: str) -> bool:
    """Whether the viewer may do the action declared under `name`."""
    return permission(name)(viewer)
