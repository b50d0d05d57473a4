"""Refusing a write the actor may not make, with a Swedish message."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied

from .roles import Viewer


def require(actor: Viewer | None, check: Callable[[Viewer | None], bool], message: str) -> None:
    if not check(actor):
        raise PermissionDenied(message)
