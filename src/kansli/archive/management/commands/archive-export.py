"""python -m kansli archive-export --closed-in YEAR -o DIR  (or --case NUMBER …, --all-closed)"""

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kansli.archive.export import ExportRefused, export_cases
from kansli.archive.gather import closed_cases
from kansli.people.selectors import default_body


class Command(BaseCommand):
    help = (
        "Exporterar avslutade ärenden som e-arkivpaket enligt FGS 2.0 (E-ARK SIP med "
        "CITS ERMS och PREMIS), ett paket per ärende, till en ny katalog. En avbruten export "
        "fortsätter med --resume."
    )

    def add_arguments(self, parser: Any) -> None:
        chosen = parser.add_mutually_exclusive_group(required=True)
        chosen.add_argument("--closed-in", type=int, metavar="ÅR", help="Ärenden avslutade året.")
        chosen.add_argument(
            "--case", action="append", metavar="DIARIENUMMER", help="Ett ärende (kan upprepas)."
        )
        chosen.add_argument("--all-closed", action="store_true", help="Alla avslutade ärenden.")
        parser.add_argument("-o", "--output", required=True, help="Katalogen som skapas.")
        parser.add_argument(
            "--resume", action="store_true", help="Fortsätt en avbruten export i katalogen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["closed_in"]
        if year is not None and not 1900 <= year <= 2100:
            raise CommandError(f"Året {year} är inte möjligt.")
        body = default_body()
        cases = list(closed_cases(body, year=year, numbers=options["case"]))
        if options["case"]:
            missing = sorted(set(options["case"]) - {case.number for case in cases})
            if missing:
                raise CommandError(f"Inget ärende har diarienumret {', '.join(missing)}.")
        if not cases:
            raise CommandError(
                f"Inga avslutade ärenden{f' år {year}' if year else ''}: ingenting att exportera."
            )
        started = time.perf_counter()

        def progress(position: int, total: int, what: str) -> None:
            sys.stderr.write(f"[{position}/{total}] {what}\n")

        try:
            report = export_cases(
                cases, Path(options["output"]), resume=options["resume"], progress=progress
            )
        except ExportRefused as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        for number, why in report.refused:
            self.stderr.write(f"Ej exporterat: {why}" if number in why else f"{number}: {why}")
        for document, note in report.flagged:
            self.stdout.write(f"Flaggad: handling {document}: {note}")
        if report.secret:
            self.stdout.write(
                f"{len(report.secret)} handlingar omfattas av sekretess och ingår med "
                f"sekretessmarkering: {', '.join(report.secret[:10])}"
                + (" …" if len(report.secret) > 10 else "")
            )
        self.stdout.write(
            f"{len(report.written)} paket skrivna, {len(report.skipped)} fanns redan, "
            f"{len(report.refused)} ärenden kunde inte exporteras; {report.documents} handlingar, "
            f"{report.bytes / 1e6:.1f} MB på {seconds:.1f} s."
        )
        if report.refused:
            raise CommandError("Exporten är inte fullständig; se meddelandena ovan.")
