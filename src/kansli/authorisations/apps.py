from django.apps import AppConfig


class AuthorisationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.authorisations"
    verbose_name = "Fullmakter"
