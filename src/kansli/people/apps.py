from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kansli.people"
    label = "people"
    verbose_name = "Organisation och personer"

    def ready(self) -> None:
        from kansli.core.extensions import (
            NavEntry,
            PortalSection,
            register_nav,
            register_portal_section,
        )

        from .permissions import MANAGE_PEOPLE

        register_nav(NavEntry("Organ", "people:organization_list", "organizations", 80))
        register_nav(NavEntry("Förtroendevalda", "people:person_list", "people", 90))
        register_nav(
            NavEntry("Mandatperioder", "people:term_list", "terms", 100, visible=MANAGE_PEOPLE)
        )
        register_portal_section(
            PortalSection("Organ och ledamöter", "people:organization_list", 40)
        )
