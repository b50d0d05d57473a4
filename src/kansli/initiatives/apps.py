from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.initiatives"
    verbose_name = "Motioner och medborgarförslag"

    def ready(self) -> None:
        from kansli.core.extensions import NavEntry, register_nav, register_start_panel
        from kansli.registry.hooks import on_case_registered

        from .permissions import KEEP_INITIATIVES, READ_INITIATIVES
        from .services.from_case import KINDS, initiative_from_case
        from .start_page import initiative_deadlines

        # A case of type motion or citizen proposal registered anywhere enters the register.
        for case_type in KINDS:
            on_case_registered(case_type, initiative_from_case)
        register_nav(
            NavEntry("Motioner", "initiatives:list", "initiatives", 110, visible=READ_INITIATIVES)
        )
        # The start page.
        register_start_panel(initiative_deadlines, order=20, visible=KEEP_INITIATIVES)
