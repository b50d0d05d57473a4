from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.initiatives"
    verbose_name = "Motioner och medborgarförslag"
