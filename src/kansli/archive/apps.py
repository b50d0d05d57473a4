from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "kansli.archive"
    label = "archive"
    verbose_name = "E-arkiv"
