from django.core.management.base import BaseCommand, CommandParser

from kansli.demo import data
from kansli.demo.loader import demo_load
from kansli.demo.two_factor import DEMO_TOTP_SECRET, DEMO_TOTP_USERNAME


class Command(BaseCommand):
    help = "Läser in demodata (Region Örebro län, regionstyrelsen 2020-08-26). Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet-logins", action="store_true", help="Skriv inte ut demokontona."
        )

    def handle(self, *args: object, **options: object) -> None:
        report = demo_load()
        if report.total:
            details = ", ".join(f"{n} {what}" for what, n in report.created.items())
            self.stdout.write(f"Demodata inläst: {details}.")
        else:
            self.stdout.write("Demodata fanns redan; inget ändrades.")
        if not options["quiet_logins"]:
            self.stdout.write(f"\nDemokonton (lösenord för alla: {data.DEMO_PASSWORD}):")
            for username, first, last, role, _ in data.USERS:
                self.stdout.write(f"  {username:<12} {role:<17} {first} {last}")
            self.stdout.write(
                f"  {DEMO_TOTP_USERNAME} loggar in med tvåstegsverifiering: koden skrivs ut av "
                f"python -m kansli totp-code {DEMO_TOTP_USERNAME} (demonyckel {DEMO_TOTP_SECRET})."
            )
