"""Checking uploaded files: the size limit, and that the bytes are what the name claims."""

import io
import zipfile
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from .file_kinds import (
    CSV,
    DOCX,
    JPEG,
    KINDS,
    ODS,
    ODT,
    PDF,
    PNG,
    TEXT,
    XLSX,
    FileKind,
)
from .formatting import format_number

_BY_EXTENSION = {ext: kind for kind in KINDS for ext in kind.extensions}
_SNIFF_BYTES = 8192


def allowed_extensions() -> list[str]:
    return sorted(_BY_EXTENSION)


def detect_kind(head: bytes, stream: IO[bytes] | None = None) -> FileKind | None:
    """What the bytes are, judged by their content alone."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04") and stream is not None:
        return _detect_zip_kind(stream)
    if _is_text(head):
        return TEXT
    return None


def _detect_zip_kind(stream: IO[bytes]) -> FileKind | None:
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return {ODT.content_type: ODT, ODS.content_type: ODS}.get(mimetype)
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return DOCX
                if any(n.startswith("xl/") for n in names):
                    return XLSX
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        stream.seek(0)
    return None


def _is_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character may be cut at the end of the sniffed window.
        if error.start < len(head) - 4:
            return False
    return True


def check_upload(name: str, size: int, stream: IO[bytes]) -> FileKind:
    """The file's kind, or a ValidationError in Swedish: too large, unknown type, or
    content that is not what the name claims."""
    limit = settings.KANSLI_MAX_UPLOAD_BYTES
    if size > limit:
        raise ValidationError(
            f"Filen är för stor ({format_number(size)} byte). "
            f"Största tillåtna storlek är {format_number(limit)} byte.",
            code="file_too_large",
        )
    if size == 0:
        raise ValidationError("Filen är tom.", code="file_empty")
    extension = PurePath(name).suffix.lower()
    claimed = _BY_EXTENSION.get(extension)
    if claimed is None:
        raise ValidationError(
            f"Filtypen {extension or '(saknas)'} tas inte emot. "
            f"Tillåtna filtyper: {', '.join(allowed_extensions())}.",
            code="file_type_not_allowed",
        )
    stream.seek(0)
    head = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    actual = detect_kind(head, stream)
    if claimed in (TEXT, CSV) and actual is TEXT:
        return claimed
    if actual is not claimed:
        found = actual.label if actual else "okänt innehåll"
        raise ValidationError(
            f"Filen heter {PurePath(name).name} men innehållet är inte en {claimed.label} "
            f"({found}). Kontrollera att du valt rätt fil.",
            code="file_content_mismatch",
        )
    if claimed is PDF:
        check_pdf(PurePath(name).name, stream)
    return claimed


def check_pdf(name: str, stream: IO[bytes]) -> int:
    """The number of pages of a PDF that can be opened, read and merged into a meeting book;
    a ValidationError in Swedish for an encrypted or broken one."""
    stream.seek(0)
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                f"PDF-filen {name} är krypterad eller lösenordsskyddad. "
                "Spara den utan lösenord och ladda upp den igen.",
                code="pdf_encrypted",
            )
        pages = len(reader.pages)
        for page in reader.pages:
            page.mediabox  # noqa: B018 - every page must have a readable size
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds for a damaged file
        raise ValidationError(
            f"PDF-filen {name} är skadad och kan inte läsas ({type(error).__name__}). "
            "Skapa PDF-filen på nytt och ladda upp den igen.",
            code="pdf_broken",
        ) from error
    finally:
        stream.seek(0)
    if pages == 0:
        raise ValidationError(f"PDF-filen {name} har inga sidor.", code="pdf_broken")
    return pages


def check_bytes(name: str, data: bytes) -> FileKind:
    return check_upload(name, len(data), io.BytesIO(data))
