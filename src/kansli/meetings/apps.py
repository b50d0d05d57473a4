from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "kansli.meetings"
    label = "meetings"
    verbose_name = "Sammanträden"

    def ready(self) -> None:
        from kansli.core.extensions import NavEntry, register_nav, signed_in
        from kansli.registry.hooks import on_case_page

        from .meeting_stages import meeting_stages
        from .selectors import case_page_agenda_items
        from .stages import register_stages

        register_stages(meeting_stages, order=100)
        # A case's page names the meetings whose agenda it has been on.
        on_case_page(case_page_agenda_items)
        # The main menu.
        register_nav(
            NavEntry("Sammanträden", "meetings:meeting_list", "meetings", 20, visible=signed_in)
        )
