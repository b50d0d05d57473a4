from django.apps import AppConfig


class StartConfig(AppConfig):
    name = "kansli.start"
    label = "start"
    verbose_name = "Startsidan"
