from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kansli.demo"
    label = "demo"
    verbose_name = "Demodata"
