from django.apps import AppConfig


class AuthorisationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.authorisations"
    verbose_name = "Fullmakter"

    def ready(self) -> None:
        from kansli.core.extensions import NavEntry, register_nav

        from .permissions import READ_AUTHORISATIONS

        register_nav(
            NavEntry(
                "Fullmakter",
                "authorisations:list",
                "authorisations",
                140,
                visible=READ_AUTHORISATIONS,
            )
        )
