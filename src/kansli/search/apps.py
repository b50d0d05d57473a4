from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kansli.search"
    label = "search"
    verbose_name = "Sök"
