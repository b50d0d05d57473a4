"""The main menu, as the apps registered it (kansli.core.extensions.register_nav)."""

from typing import Any

from django import template

from kansli.core.extensions import NavEntry, nav_entries

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context) -> list[NavEntry]:
    """The menu entries the page's viewer may see, in order."""
    user: Any = context.get("user")
    return nav_entries(user)
