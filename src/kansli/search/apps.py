from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kansli.search"
    label = "search"
    verbose_name = "Sök"

    def ready(self) -> None:
        from kansli.core.extensions import (
            NavEntry,
            PortalSection,
            register_nav,
            register_portal_section,
        )

        register_nav(NavEntry("Sök", "search:search", "search", 170))
        register_portal_section(PortalSection("Sök i publicerade handlingar", "search:search", 50))
