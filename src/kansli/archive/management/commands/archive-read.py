"""python -m kansli archive-read DIR  (a package, or a directory of packages): what they hold,
read back from the packages alone."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kansli.archive.package.reader import ReadError, read_package


class Command(BaseCommand):
    help = "Läser e-arkivpaket och listar ärendena och handlingarna de innehåller."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("directory", help="Ett paket, eller en katalog med paket.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["directory"])
        if not path.is_dir():
            raise CommandError(f"{path} finns inte eller är ingen katalog.")
        packages = (
            [path]
            if (path / "METS.xml").exists()
            else sorted(p for p in path.iterdir() if (p / "METS.xml").exists())
        )
        if not packages:
            raise CommandError(f"Det finns inga paket (kataloger med METS.xml) i {path}.")
        documents = 0
        for package in packages:
            try:
                read = read_package(package)
            except ReadError as error:
                raise CommandError(f"{package.name}: {error}") from error
            closed = read.closed_on.isoformat() if read.closed_on else "–"
            process = (
                f", process {read.classification[0]} {read.classification[1]}"
                if (read.classification)
                else ""
            )
            secret = f", sekretess {read.secrecy}" if read.secrecy else ""
            self.stdout.write(
                f"{read.case_identifier} {read.title} (avslutat {closed}{process}{secret})"
            )
            for doc in read.documents:
                documents += 1
                day = doc.date.isoformat() if doc.date else "–"
                file = doc.file_name or "ingen fil"
                secrecy = f" [sekretess {doc.secrecy}]" if doc.secrecy else ""
                self.stdout.write(
                    f"  {doc.identifier} {day} {doc.document_type}: {doc.title} ({file}){secrecy}"
                )
            for meeting in read.meetings:
                day = meeting.date.isoformat() if meeting.date else "–"
                self.stdout.write(
                    f"  Sammanträde {meeting.organisation} {day}: {len(meeting.paragraphs)} §§"
                )
        self.stdout.write(f"{len(packages)} paket, {documents} handlingar.")
