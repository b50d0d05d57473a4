"""Who may do what, declared once (kansli.core.permissions): the refusal is made from the roles,
the same object refuses in a service, on a page and in a template, and no app words a refusal
of its own."""

import ast
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.template import Context, Template
from django.urls import reverse

from kansli.core.models import User
from kansli.core.permissions import Permission, declared, permission, require, who
from kansli.core.roles import STAFF_ROLES, Role, grant_role
from kansli.registry.permissions import MANAGE_SERIES, REGISTER_CASES

SRC = Path(__file__).resolve().parents[2] / "src" / "kansli"


def _user(db, *roles: Role, name: str = "anvandare", superuser: bool = False) -> User:
    user = User.objects.create_user(name, password="x", is_superuser=superuser)
    for role in roles:
        grant_role(user, role)
    return user


def test_the_refusal_names_the_roles_in_swedish_in_the_roles_order() -> None:
    assert who(frozenset({Role.ADMINISTRATOR, Role.SECRETARY})) == (
        "nämndsekreterare och administratörer"
    )
    assert who(frozenset({Role.SECRETARY})) == "nämndsekreterare"
    assert who(frozenset({Role.SECRETARY, Role.OFFICIAL, Role.REGISTRAR})) == (
        "registratorer, handläggare och nämndsekreterare"
    )
    assert REGISTER_CASES.refusal == (
        "Bara registratorer, handläggare och nämndsekreterare kan registrera i diariet."
    )


def test_all_the_staff_roles_read_as_tjanstepersoner() -> None:
    assert who(STAFF_ROLES) == "tjänstepersoner"
    assert who(STAFF_ROLES | {Role.ELECTED}) == "tjänstepersoner och förtroendevalda"
    assert permission("initiatives.read").refusal == (
        "Bara tjänstepersoner och förtroendevalda kan se motioner och medborgarförslag."
    )


@pytest.mark.parametrize("role", list(Role))
def test_every_declared_permission_allows_exactly_its_roles(db, role: Role) -> None:
    user = _user(db, role)
    for allowed in declared():
        assert allowed(user) is (role in allowed.roles), allowed.name
        if role not in allowed.roles:
            with pytest.raises(PermissionDenied) as refused:
                require(user, allowed)
            assert str(refused.value) == allowed.refusal


def test_the_anonymous_and_the_inactive_may_nothing(db) -> None:
    inactive = _user(db, *Role, name="slutat")
    inactive.is_active = False
    inactive.save()
    for allowed in declared():
        assert not allowed(AnonymousUser()) and not allowed(None) and not allowed(inactive)


def test_a_superuser_may_only_where_the_permission_says_so(db) -> None:
    root = _user(db, name="root", superuser=True)
    assert MANAGE_SERIES(root)
    assert not REGISTER_CASES(root)


def test_a_name_is_declared_once() -> None:
    with pytest.raises(ImproperlyConfigured):
        Permission("registry.register", "registrera", Role.ELECTED)
    with pytest.raises(ImproperlyConfigured):
        Permission("test.nobody", "göra något")
    with pytest.raises(ImproperlyConfigured):
        permission("finns.inte")


def test_every_refusal_is_one_swedish_sentence() -> None:
    for allowed in declared():
        assert re.fullmatch(r"Bara [a-zåäö ,]+ kan [^.]+\.", allowed.refusal), allowed.refusal
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", allowed.name), allowed.name


def test_a_page_refuses_with_the_same_words_as_the_service(client, db) -> None:
    client.force_login(_user(db, Role.ELECTED))
    response = client.get(reverse("registry:case_register"))
    assert response.status_code == 403
    assert REGISTER_CASES.refusal in response.content.decode()


def test_templates_ask_the_permission_by_its_name(db) -> None:
    template = Template('{% if user|may:"registry.register" %}ja{% else %}nej{% endif %}')
    assert template.render(Context({"user": _user(db, Role.REGISTRAR)})) == "ja"
    assert template.render(Context({"user": AnonymousUser()})) == "nej"
    assert template.render(Context({})) == "nej"  # rendered without a request


def test_every_declared_permission_is_used() -> None:
    """A permission nobody asks is a rule nobody enforces."""
    sources = [
        p.read_text(encoding="utf-8")
        for p in SRC.rglob("*")
        if p.suffix in {".py", ".html"} and p.name != "permissions.py"
    ]
    text = "\n".join(sources)
    for allowed in declared():
        constant = _constant_name(allowed)
        assert constant in text or f'"{allowed.name}"' in text, allowed.name


def _constant_name(allowed: Permission) -> str:
    for path in SRC.glob("*/permissions.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                args = node.value.args
                if args and isinstance(args[0], ast.Constant) and args[0].value == allowed.name:
                    target = node.targets[0]
                    assert isinstance(target, ast.Name)
                    return target.id
    raise AssertionError(f"{allowed.name} is not declared in an app's permissions.py")


ROLE_WORDS = (
    r"(registrator|handläggare|nämndsekreterare|förtroendevalda|administratör|tjänstepersoner"
    r"|anställda)"
)


def test_no_app_words_a_refusal_or_a_role_check_of_its_own() -> None:
    """Refusals that say who may come from the permissions: no app writes "Bara
    nämndsekreterare … kan" itself, defines its own `_require_…` helper in views, or asks for
    roles outside core and the registry's visibility rules. (A refusal about one object, "Du
    får inte granska handlingar i det här ärendet", is the app's own.)"""
    offenders = []
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(SRC)
        if rel.parts[0] == "core":
            continue
        if re.search(r"Bara " + ROLE_WORDS + r"|behörighet att (?!se)", text):
            offenders.append(f"{rel}: a refusal of its own")
        if re.search(r"^def _require_(reader|writer|manager)\b", text, re.MULTILINE):
            offenders.append(f"{rel}: its own _require_ helper")
        if re.search(r"\bhas_role\(", text) and rel.parts[0] != "registry":
            offenders.append(f"{rel}: asks for roles itself")
    assert not offenders
