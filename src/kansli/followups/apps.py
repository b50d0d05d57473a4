from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.followups"
    verbose_name = "Uppföljning och uppdrag"
