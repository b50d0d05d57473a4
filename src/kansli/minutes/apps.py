from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "kansli.minutes"
    label = "minutes"
    verbose_name = "Protokoll"
