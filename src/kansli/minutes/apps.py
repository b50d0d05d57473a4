from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "kansli.minutes"
    label = "minutes"
    verbose_name = "Protokoll"

    def ready(self) -> None:
        from kansli.core.extensions import (
            NavEntry,
            PortalSection,
            register_nav,
            register_portal_section,
            register_start_panel,
        )
        from kansli.meetings.locks import register_agenda_lock
        from kansli.meetings.stages import register_stages
        from kansli.registry.hooks import on_closing_decision

        from .agenda_lock import minutes_lock
        from .closing_decision import latest_decision
        from .meeting_stages import minutes_stages
        from .permissions import SEE_DISPATCH
        from .start_page import adjustment_tasks

        register_agenda_lock(minutes_lock)
        on_closing_decision(latest_decision)
        register_stages(minutes_stages, order=200)
        # The main menu and the portal.
        register_nav(NavEntry("Anslagstavla", "minutes:notice_board", "board", 50))
        register_nav(
            NavEntry("Expediering", "minutes:dispatch_list", "dispatch", 60, visible=SEE_DISPATCH)
        )
        register_portal_section(PortalSection("Anslagstavla", "minutes:notice_board", 20))
        # The start page.
        register_start_panel(adjustment_tasks, order=50)
