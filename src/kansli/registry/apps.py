from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "kansli.registry"
    label = "registry"
    verbose_name = "Diarium"
