from django.apps import AppConfig


class FinsamConfig(AppConfig):
    name = "kansli.finsam"
    label = "finsam"
    verbose_name = "Finsam (samordningsförbund)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kansli.core.extensions import NavEntry, register_nav

        from .permissions import READ_FINSAM

        register_nav(
            NavEntry("Finsam", "finsam:federation_list", "finsam", 160, visible=READ_FINSAM)
        )
