from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "kansli.publishing"
    label = "publishing"
    verbose_name = "Publicering"

    def ready(self) -> None:
        from kansli.core.extensions import (
            NavEntry,
            PortalSection,
            anonymous,
            register_nav,
            register_portal_section,
        )
        from kansli.core.roles import is_staff_member
        from kansli.meetings.book.public_edition import register_public_edition
        from kansli.registry.hooks import on_document_disposed, on_document_inspected

        from . import signals
        from .indexing import register_indexers
        from .public_text import masked_data
        from .selectors import public_file
        from .services import publication_prepare
        from .services.publication import publication_dispose

        # Search: publishing's own indexers, and the receivers for every registered one.
        register_indexers()
        signals.connect()
        # After a registered document's file is read: the privacy step before publication.
        on_document_inspected(publication_prepare)
        # A disposed file's public version and its text go with it.
        on_document_disposed(publication_dispose)
        # The public edition of a meeting book: masked text, the masked version of each file.
        register_public_edition(mask_data=masked_data, public_file=public_file)
        # The main menu and the portal.
        register_nav(NavEntry("Insyn", "publishing:home", "portal", 30, visible=anonymous))
        register_nav(NavEntry("Kalender", "publishing:calendar", "calendar", 40, visible=anonymous))
        register_nav(NavEntry("Granskning", "review:queue", "review", 70, visible=is_staff_member))
        register_portal_section(PortalSection("Sammanträdeskalender", "publishing:calendar", 10))
        register_portal_section(
            PortalSection("Motioner och medborgarförslag", "publishing:initiatives", 30)
        )
