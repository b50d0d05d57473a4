from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "kansli.meetings"
    label = "meetings"
    verbose_name = "Sammanträden"
