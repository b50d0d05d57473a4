from django.apps import AppConfig


class ExtensionAppConfig(AppConfig):
    name = "tests.extension_app"
    label = "extension_app"
    verbose_name = "Testmodul"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kansli.core.extensions import (
            NavEntry,
            PortalSection,
            SearchIndexer,
            register_nav,
            register_portal_section,
            register_search_indexer,
            register_search_kind,
            register_start_panel,
        )
        from kansli.registry.hooks import on_document_inspected

        from . import extension
        from .models import Note

        register_nav(
            NavEntry(
                "Testmodul", "extension_app:index", "extension", 155, visible=extension.shown_to
            )
        )
        register_start_panel(extension.start_panel, order=60, visible=extension.shown_to)
        register_portal_section(
            PortalSection(
                "Testmodulens anteckningar", "extension_app:index", 45, visible=extension.shown
            )
        )
        register_search_kind("anteckning", "Anteckning")
        register_search_indexer(
            SearchIndexer(
                kind="note",
                model=Note,
                index=extension.index_note,
                prefixes=("note:",),
                rebuild=lambda: Note.objects.all(),
                counted_as="anteckningar",
                removed_prefix="note",
                order=50,
            )
        )
        on_document_inspected(extension.document_inspected)
