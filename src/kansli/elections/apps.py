from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kansli.elections"
    verbose_name = "Entlediganden och fyllnadsval"

    def ready(self) -> None:
        from kansli.core.extensions import NavEntry, register_nav, register_start_panel

        from .permissions import KEEP_ELECTIONS, READ_ELECTIONS
        from .start_page import election_tasks

        register_nav(NavEntry("Val", "elections:list", "elections", 120, visible=READ_ELECTIONS))
        # The start page.
        register_start_panel(election_tasks, order=40, visible=KEEP_ELECTIONS)
