from django.apps import AppConfig


class FinsamConfig(AppConfig):
    name = "kansli.finsam"
    label = "finsam"
    verbose_name = "Finsam (samordningsförbund)"
    default_auto_field = "django.db.models.BigAutoField"
