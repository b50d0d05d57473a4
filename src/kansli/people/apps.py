from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kansli.people"
    label = "people"
    verbose_name = "Organisation och personer"
