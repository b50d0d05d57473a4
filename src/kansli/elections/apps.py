from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.elections"
    verbose_name = "Entlediganden och fyllnadsval"
