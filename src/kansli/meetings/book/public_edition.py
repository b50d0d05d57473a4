"""What the public edition of a meeting book shows in place of the internal text and files.

Masking personal data, and the masked version of a document, belong to the publishing app,
which sits above meetings (docs/architecture.md); it registers both here in its
AppConfig.ready(). Without them the public edition is not built: a book the public reads is
never left unmasked."""

from collections.abc import Callable
from typing import Any

from django.db.models.fields.files import FieldFile

from kansli.registry.models import Document

DataMasker = Callable[[Any], Any]
FileChooser = Callable[[Document], tuple[FieldFile, str] | None]

_registered: dict[str, Any] = {}

_MISSING = (
    "The public edition of a meeting book needs the publishing app's masking "
    "(kansli.publishing in INSTALLED_APPS)."
)


def register_public_edition(*, mask_data: DataMasker, public_file: FileChooser) -> None:
    """`mask_data(value)`: every string of a nested structure masked; `public_file(document)`:
    the file and name the public gets of a document, None when it has no file."""
    _registered["mask_data"] = mask_data
    _registered["public_file"] = public_file


def public_data(value: Any) -> Any:
    """The book's data with personal data of private persons masked."""
    if "mask_data" not in _registered:
        raise RuntimeError(_MISSING)
    return _registered["mask_data"](value)


def public_file(document: Document) -> tuple[FieldFile, str] | None:
    """The file the public gets of a document (the masked version where anything was masked)."""
    if "public_file" not in _registered:
        raise RuntimeError(_MISSING)
    chooser: FileChooser = _registered["public_file"]
    return chooser(document)
