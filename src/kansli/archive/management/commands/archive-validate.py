"""python -m kansli archive-validate DIR  (a directory of packages, or one package)"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kansli.archive.package.validate import validate_package, validate_tree


class Command(BaseCommand):
    help = (
        "Validerar e-arkivpaket: METS mot sitt schema, E-ARK CSIP- och SIP-reglerna "
        "(Schematron), CITS ERMS (XSD och Schematron), PREMIS, och varje fils kontrollsumma."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("directory", help="Ett paket, eller en katalog med paket.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["directory"])
        if not path.is_dir():
            raise CommandError(f"{path} finns inte eller är ingen katalog.")
        if (path / "METS.xml").exists():
            results = {path.name: validate_package(path)}
        else:
            results = validate_tree(path)
        if not results:
            raise CommandError(f"Det finns inga paket (kataloger med METS.xml) i {path}.")
        errors = 0
        for package, findings in sorted(results.items()):
            for finding in findings:
                errors += 1
                self.stdout.write(f"{package}: {finding.where}: [{finding.rule}] {finding.message}")
        self.stdout.write(f"{len(results)} paket, {errors} fel.")
        if errors:
            raise CommandError(f"{errors} fel i {sum(1 for f in results.values() if f)} paket.")
