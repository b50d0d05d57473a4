"""`python -m kansli restore DIR`: put back a backup made by `backup`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansli.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Återläser en säkerhetskopia från `backup` (SQLite): kontrollerar först förteckningen "
        "och varje fils kontrollsumma, och ersätter sedan databasen och de uppladdade filerna. "
        "Stoppa webbservern och bakgrundsarbetaren först."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="katalogen med säkerhetskopian")
        parser.add_argument(
            "--force",
            action="store_true",
            help="skriv över en databas eller filkatalog som inte är tom",
        )

    def handle(self, *args: object, **options: object) -> None:
        directory = Path(str(options["directory"]))
        try:
            manifest = backup_restore(directory, force=bool(options["force"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Återläste säkerhetskopian från {manifest.created} ur {directory}: "
            f"{len(manifest.tables)} tabeller med {manifest.rows} rader och "
            f"{len(manifest.media)} filer, alla kontrollsummor stämde. Kör "
            "python -m kansli migrate om säkerhetskopian kommer från en äldre version."
        )
