"""python -m kansli redact [--json] FILE

The text of FILE (UTF-8 text, or a PDF) with the personal data of private persons masked, or
with --json what was found and where.
"""

import json
import logging
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from pypdf import PdfReader

from kansli.publishing.redaction import redact

# Between the pages of a PDF (the same as the text the registry extracts).
PAGE_BREAK = "\n\f\n"


def read_pdf(path: Path) -> str:
    """The text of every page of a PDF, pages separated by PAGE_BREAK."""
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # a broken file gets our message, not pypdf's warnings
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise CommandError(
                f"PDF-filen {path} är lösenordsskyddad. Spara den utan lösenord och försök igen."
            )
        text = PAGE_BREAK.join(page.extract_text() or "" for page in reader.pages)
    except CommandError:
        raise
    except OSError as error:
        raise CommandError(f"Filen {path} kan inte läsas: {error.strerror or error}.") from None
    except Exception as error:  # pypdf raises many kinds for a damaged file
        raise CommandError(
            f"PDF-filen {path} är skadad och kan inte läsas ({type(error).__name__})."
        ) from None
    finally:
        pypdf_log.setLevel(level)
    if not text.strip():
        raise CommandError(
            f"PDF-filen {path} innehåller ingen text som kan läsas ut (är den inskannad?). "
            "Den måste granskas för hand."
        )
    return text


def read_text(path: Path) -> str:
    """FILE as UTF-8 text (a byte order mark is allowed); a PDF through read_pdf."""
    if not path.exists():
        raise CommandError(f"Filen {path} finns inte.")
    if path.is_dir():
        raise CommandError(f"{path} är en katalog, inte en fil.")
    try:
        with path.open("rb") as stream:
            is_pdf = stream.read(5) == b"%PDF-"
        if is_pdf or path.suffix.lower() == ".pdf":
            return read_pdf(path)
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            f"Filen {path} är inte text i UTF-8 (fel vid byte {error.start}). "
            "Spara den som UTF-8 eller som PDF och försök igen."
        ) from None
    except OSError as error:
        raise CommandError(f"Filen {path} kan inte läsas: {error.strerror or error}.") from None


class Command(BaseCommand):
    help = (
        "Maskerar personuppgifter om privatpersoner (personnummer, telefonnummer, "
        "e-postadresser och adresser) i en textfil eller PDF och skriver ut den maskerade texten."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", metavar="FIL", help="Textfil i UTF-8 eller PDF-fil.")
        parser.add_argument(
            "--json",
            action="store_true",
            help="Skriv ut fynden som JSON (typ, text och position i den lästa texten).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        text = read_text(Path(options["file"]))
        result = redact(text)
        if options["json"]:
            data = {
                "file": options["file"],
                "findings": [
                    {"kind": f.kind.value, "text": f.text, "start": f.start, "end": f.end}
                    for f in result.findings
                ],
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(result.text)
