"""Which files the e-archive takes as they are: PDF/A (checked, archive.pdfa), plain text, XML
and CSV, TIFF, JPEG and PNG (Riksarkivet's formats for long-term keeping, RA-FS 2009:2 and its
successors [to verify: the exact list is the receiving archive's]). Others are packed as they
are and flagged, so the archive can convert them."""

from dataclasses import dataclass
from pathlib import Path

from .pdfa import check_pdfa

KEPT_AS_THEY_ARE = {
    "text/plain": "Text",
    "text/csv": "CSV",
    "application/xml": "XML",
    "text/xml": "XML",
    "image/tiff": "TIFF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
}


@dataclass(frozen=True)
class FormatCheck:
    pdfa: str  # "PDF/A-2b" for a PDF that holds to its claim, else ""
    note: str  # why the file is flagged, in Swedish; "" when it is archivable as it is


def archive_format(path: Path, content_type: str) -> FormatCheck:
    if content_type == "application/pdf" or path.suffix.lower() == ".pdf":
        check = check_pdfa(path) if path.exists() else None
        if check is None:
            return FormatCheck("", "")  # the writer names the missing file
        if check.level:
            return FormatCheck(check.level, "")
        return FormatCheck("", f"Inte PDF/A: {check.note}.")
    if content_type in KEPT_AS_THEY_ARE:
        return FormatCheck("", "")
    return FormatCheck(
        "", f"Formatet {content_type or 'okänt'} är inget arkivformat; filen bör konverteras."
    )
