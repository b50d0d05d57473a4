"""Print docs/law.md from the rule functions, or write it (--write), or check it (--check)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansli.core.law_table import render, unmarked


class Command(BaseCommand):
    help = "Tabellen över lagrum (docs/law.md), genererad ur regelfunktionerna."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--write", action="store_true", help="Skriv docs/law.md.")
        parser.add_argument(
            "--check", action="store_true", help="Fel om docs/law.md inte stämmer med koden."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        missing = unmarked()
        if missing:
            raise CommandError("Regelfunktioner utan lagrum: " + ", ".join(missing))
        text = render()
        path = Path(settings.BASE_DIR) / "docs" / "law.md"
        if options["write"]:
            path.write_text(text, encoding="utf-8")
            self.stdout.write(f"Skrev {path}.")
        elif options["check"]:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise CommandError(
                    "docs/law.md stämmer inte med koden: kör python -m kansli law_table --write."
                )
            self.stdout.write("docs/law.md stämmer med koden.")
        else:
            self.stdout.write(text, ending="")
