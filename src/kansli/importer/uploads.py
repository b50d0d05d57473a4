"""Refusing an upload too large while it streams in, before any of it is stored or read.

Installed first in the import view's upload handlers: it counts each file's bytes and all of
them together, and stops the upload at the first byte past a limit (the rest of the request
is read and discarded, so the browser gets the page with the message, not a reset
connection). Django's own handlers after it keep what is accepted in memory or a temporary
file, as for any upload."""

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

from kansli.core.formatting import format_number

from .forms import safe_name
from .parsing.source import MAX_BYTES

# Room for the form's other fields and the multipart boundaries in a request's length.
_OVERHEAD = 1024 * 1024


def _mb(size: int) -> str:
    if size < 1_048_576:
        return f"{format_number(size)} byte"
    return f"{format_number(size // 1_048_576)} MB"


class SizeLimitHandler(FileUploadHandler):
    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.refused = ""
        self.total = 0
        self.file_bytes = 0
        self.declared = 0

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, *args: Any, **kwargs: Any
    ) -> None:
        self.declared = content_length or 0

    def new_file(self, field_name: str, file_name: str, *args: Any, **kwargs: Any) -> None:
        self.file_bytes = 0
        limit = settings.KANSLI_MAX_UPLOAD_BYTES
        if self.declared > limit + _OVERHEAD:
            self._refuse(
                f"Filerna är för stora tillsammans (mer än {_mb(self.declared)}); "
                f"högst {_mb(limit)} åt gången."
            )
        super().new_file(field_name, file_name, *args, **kwargs)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.file_bytes += len(raw_data)
        self.total += len(raw_data)
        name = safe_name(self.file_name)
        if self.file_bytes > MAX_BYTES:
            self._refuse(f"Filen {name} är för stor: högst {_mb(MAX_BYTES)} per fil.")
        if self.total > settings.KANSLI_MAX_UPLOAD_BYTES:
            self._refuse(
                "Filerna är för stora tillsammans: högst "
                f"{_mb(settings.KANSLI_MAX_UPLOAD_BYTES)} åt gången."
            )
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

    def _refuse(self, message: str) -> None:
        self.refused = message
        raise StopUpload(connection_reset=False)
