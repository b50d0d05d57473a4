from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.initiatives"
    verbose_name = "Motioner och medborgarförslag"

    def ready(self) -> None:
        # A case of type motion or citizen proposal registered anywhere enters the register.
        from kansli.registry.hooks import on_case_registered

        from .services.from_case import KINDS, initiative_from_case

        for case_type in KINDS:
            on_case_registered(case_type, initiative_from_case)
