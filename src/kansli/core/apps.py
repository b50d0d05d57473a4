from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kansli.core"
    label = "core"
    verbose_name = "Kärna"

    def ready(self) -> None:
        from .extensions import NavEntry, django_staff, register_nav

        register_nav(NavEntry("Administration", "admin:index", "", 180, visible=django_staff))
