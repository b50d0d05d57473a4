"""Who may do what, declared once per action.

Each app declares its actions in its own `permissions.py`, one `Permission` per action:

    MANAGE_MEETINGS = Permission(
        "meetings.manage", "hantera sammanträden",
        Role.SECRETARY, Role.REGISTRAR, Role.ADMINISTRATOR,
    )

The same object answers every question about the action:

- `MANAGE_MEETINGS(viewer)` — may this viewer? (a predicate, so it also serves as the
  `visible` of a menu entry or a start-page panel);
- `require(actor, MANAGE_MEETINGS)` in a service — refuse with `PermissionDenied`;
- `@permission_required(MANAGE_MEETINGS)` on a view — the same refusal as a 403 page;
- `{% if user|may:"meetings.manage" %}` in a template — by the permission's name;
- `MANAGE_MEETINGS.refusal` — the Swedish refusal, made from the role names
  ("Bara registratorer, nämndsekreterare och administratörer kan hantera sammanträden."),
  so the text cannot drift from who may.

Object-level questions (may this viewer see this secret case?) stay with the selectors of the
app that owns the object; a Permission is about roles only.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest

from .roles import STAFF_ROLES, Role, Viewer, roles_of

# The role names as they read in a refusal ("Bara registratorer och … kan …").
ROLE_PLURALS = {
    Role.REGISTRAR: "registratorer",
    Role.OFFICIAL: "handläggare",
    Role.SECRETARY: "nämndsekreterare",
    Role.ELECTED: "förtroendevalda",
    Role.ADMINISTRATOR: "administratörer",
    Role.ARCHIVIST: "arkivarier",
}
STAFF_PLURAL = "tjänstepersoner"

_registered: dict[str, "Permission"] = {}


def _listed(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " och " + words[-1]


def who(roles: frozenset[Role]) -> str:
    """The roles in Swedish, in the roles' own order; all the staff roles read
    "tjänstepersoner"."""
    if roles >= STAFF_ROLES:
        rest = [ROLE_PLURALS[r] for r in Role if r in roles and r not in STAFF_ROLES]
        return _listed([STAFF_PLURAL, *rest])
    return _listed([ROLE_PLURALS[r] for r in Role if r in roles])


class Permission:
    """One action: its `name` ("app.action", for templates), `action` in Swedish as an
    infinitive phrase ("föra protokoll"), and the roles that may. With `superuser`, an active
    Django superuser may too (the installation's own administrator)."""

    __slots__ = ("action", "name", "roles", "superuser")

    def __init__(self, name: str, action: str, *roles: Role, superuser: bool = False) -> None:
        if not roles:
            raise ImproperlyConfigured(f"Permission {name} names no role.")
        self.name = name
        self.action = action
        self.roles = frozenset(roles)
        self.superuser = superuser
        known = _registered.get(name)
        if known is not None and known._key() != self._key():
            raise ImproperlyConfigured(f"Permission {name} is declared twice.")
        _registered[name] = self

    def _key(self) -> tuple[str, str, frozenset[Role], bool]:
        return (self.name, self.action, self.roles, self.superuser)

    def __repr__(self) -> str:
        return f"Permission({self.name!r})"

    def __call__(self, viewer: Viewer | None) -> bool:
        if roles_of(viewer) & self.roles:
            return True
        return self.superuser and bool(
            getattr(viewer, "is_superuser", False) and getattr(viewer, "is_active", False)
        )

    @property
    def refusal(self) -> str:
        return f"Bara {who(self.roles)} kan {self.action}."

    def __str__(self) -> str:
        return self.name


def permission(name: str) -> Permission:
    """A declared permission by its name."""
    try:
        return _registered[name]
    except KeyError:
        raise ImproperlyConfigured(f"No permission is named {name!r}.") from None


def declared() -> list[Permission]:
    """Every permission declared so far (by the apps' permissions modules), by name."""
    return sorted(_registered.values(), key=lambda p: p.name)


def require(actor: Viewer | None, allowed: Permission) -> None:
    """Refuse, in Swedish, an actor the permission does not allow."""
    if not allowed(actor):
        raise PermissionDenied(allowed.refusal)


View = TypeVar("View", bound=Callable[..., Any])


def permission_required(allowed: Permission) -> Callable[[View], View]:
    """A view only those the permission allows may open; others get the 403 page with the
    permission's refusal. Put it below `login_required`, which sends the anonymous to log in."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            require(request.user, allowed)
            return view(request, *args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate
