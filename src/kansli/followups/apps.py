from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.followups"
    verbose_name = "Uppföljning och uppdrag"

    def ready(self) -> None:
        from kansli.core.extensions import NavEntry, register_nav, register_start_panel
        from kansli.core.roles import is_staff_member

        from .permissions import READ_FOLLOW_UPS
        from .start_page import followup_deadlines

        register_nav(
            NavEntry("Uppföljning", "followups:list", "followups", 150, visible=READ_FOLLOW_UPS)
        )
        # The start page.
        register_start_panel(followup_deadlines, order=10, visible=is_staff_member)
