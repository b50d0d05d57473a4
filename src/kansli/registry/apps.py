from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "kansli.registry"
    label = "registry"
    verbose_name = "Diarium"

    def ready(self) -> None:
        from kansli.core.extensions import NavEntry, register_nav, signed_in

        from .permissions import READ_PLAN

        register_nav(NavEntry("Ärenden", "registry:case_list", "cases", 10, visible=signed_in))
        register_nav(NavEntry("Arkiv", "registry:plan", "archive", 170, visible=READ_PLAN))
