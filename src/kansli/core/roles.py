"""Roles and what each may do. A role is a Django group whose name is the role's code."""

from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.db import models

from .models import User

Viewer = User | AnonymousUser


class Role(models.TextChoices):
    REGISTRAR = "registrator", "Registrator"
    OFFICIAL = "handlaggare", "Handläggare"
    SECRETARY = "namndsekreterare", "Nämndsekreterare"
    ELECTED = "fortroendevald", "Förtroendevald"
    ADMINISTRATOR = "administrator", "Administratör"
    ARCHIVIST = "arkivarie", "Arkivarie"


# The archivist is not counted as staff here: the role gives the plan and disposal
# (registry.permissions), not the preparation of cases (memos, review, dispatch).
STAFF_ROLES = frozenset({Role.REGISTRAR, Role.OFFICIAL, Role.SECRETARY, Role.ADMINISTRATOR})


def roles_of(viewer: Viewer | None) -> frozenset[Role]:
    """The roles a viewer holds; the anonymous public holds none."""
    if viewer is None or not viewer.is_authenticated or not viewer.is_active:
        return frozenset()
    cached: frozenset[Role] | None = getattr(viewer, "_kansli_roles", None)
    if cached is None:
        names = set(viewer.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        setattr(viewer, "_kansli_roles", cached)  # noqa: B010 - per-request cache
    return cached


def has_role(viewer: Viewer | None, *roles: Role) -> bool:
    return bool(roles_of(viewer) & set(roles))


def is_staff_member(viewer: Viewer | None) -> bool:
    """Officials, registrars, secretaries and administrators: the organisation's staff."""
    return bool(roles_of(viewer) & STAFF_ROLES)


def is_member_or_staff(viewer: Viewer | None) -> bool:
    """Anyone inside: staff and elected members."""
    return bool(roles_of(viewer))


def ensure_role_groups() -> None:
    """Create one group per role (idempotent)."""
    for role in Role:
        Group.objects.get_or_create(name=role.value)


def grant_role(user: User, role: Role) -> None:
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    if hasattr(user, "_kansli_roles"):
        del user._kansli_roles


def request_actor(request: object) -> User:
    """The logged-in user making a request (views behind login_required)."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        raise PermissionDenied("Du måste vara inloggad.")
    return user
