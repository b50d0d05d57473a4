from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "kansli.publishing"
    label = "publishing"
    verbose_name = "Publicering"

    def ready(self) -> None:
        from kansli.meetings.book.public_edition import register_public_edition
        from kansli.registry.hooks import on_document_inspected

        from . import signals
        from .public_text import masked_data
        from .selectors import public_file
        from .services import publication_prepare

        signals.connect()
        # After a registered document's file is read: the privacy step before publication.
        on_document_inspected(publication_prepare)
        # The public edition of a meeting book: masked text, the masked version of each file.
        register_public_edition(mask_data=masked_data, public_file=public_file)
