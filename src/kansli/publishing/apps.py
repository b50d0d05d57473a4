from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "kansli.publishing"
    label = "publishing"
    verbose_name = "Publicering"

    def ready(self) -> None:
        from . import signals

        signals.connect()
