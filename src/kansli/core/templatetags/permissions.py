"""`{% if user|may:"meetings.manage" %}`: the template side of `kansli.core.permissions`.

Installed as a builtin (settings TEMPLATES), so no template needs to load it."""

from django import template
from django.contrib.auth.models import AnonymousUser

from kansli.core.models import User
from kansli.core.permissions import permission
from kansli.core.roles import Viewer

register = template.Library()


@register.filter
def may(viewer: Viewer | str | None, name: str) -> bool:
    """Whether the viewer may do the action declared under `name`. A template rendered
    without a request has no user: no one may."""
    if not isinstance(viewer, User | AnonymousUser):
        return False
    return permission(name)(viewer)
