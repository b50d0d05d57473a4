from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "kansli.meetings"
    label = "meetings"
    verbose_name = "Sammanträden"

    def ready(self) -> None:
        from .meeting_stages import meeting_stages
        from .stages import register_stages

        register_stages(meeting_stages, order=100)
