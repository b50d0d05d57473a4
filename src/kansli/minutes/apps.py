from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "kansli.minutes"
    label = "minutes"
    verbose_name = "Protokoll"

    def ready(self) -> None:
        from kansli.meetings.locks import register_agenda_lock
        from kansli.meetings.stages import register_stages

        from .agenda_lock import minutes_lock
        from .meeting_stages import minutes_stages

        register_agenda_lock(minutes_lock)
        register_stages(minutes_stages, order=200)
