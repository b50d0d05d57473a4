from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "kansli.importer"
    verbose_name = "Import"
