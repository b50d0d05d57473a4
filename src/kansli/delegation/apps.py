from django.apps import AppConfig


class DelegationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.delegation"
    verbose_name = "Delegationsbeslut och meddelanden"

    def ready(self) -> None:
        from kansli.core.extensions import NavEntry, register_nav, register_start_panel
        from kansli.meetings.permissions import EDIT_AGENDA

        from .permissions import READ_DELEGATION
        from .start_page import reporting_tasks

        register_nav(
            NavEntry("Delegation", "delegation:list", "delegation", 130, visible=READ_DELEGATION)
        )
        # The start page.
        register_start_panel(reporting_tasks, order=30, visible=EDIT_AGENDA)
