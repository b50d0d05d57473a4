from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kansli.api"
    label = "api"
    verbose_name = "Öppet API"
