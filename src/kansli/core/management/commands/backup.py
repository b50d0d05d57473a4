"""`python -m kansli backup DIR`: back up an SQLite installation while it runs."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansli.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Säkerhetskopierar databasen (SQLite, medan Kansli körs) och de uppladdade filerna till "
        "en ny eller tom katalog, med en förteckning över antal rader per tabell och varje fils "
        "SHA-256 (kansli-backup.json). PostgreSQL säkerhetskopieras med pg_dump."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="ny eller tom katalog för säkerhetskopian")

    def handle(self, *args: object, **options: object) -> None:
        directory = Path(str(options["directory"]))
        try:
            manifest = backup_create(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = sum((directory / "media" / name).stat().st_size for name in manifest.media)
        self.stdout.write(
            f"Säkerhetskopian är klar i {directory}: {len(manifest.tables)} tabeller med "
            f"{manifest.rows} rader ({_mb(manifest.database_size)} MB) och "
            f"{len(manifest.media)} filer ({_mb(size)} MB)."
        )
        for name in manifest.missing_media:
            self.stderr.write(
                f"Varning: filen {name} nämns i databasen men fanns inte bland de uppladdade "
                "filerna."
            )


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f}".replace(".", ",")
