from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kansli.core"
    label = "core"
    verbose_name = "Kärna"
