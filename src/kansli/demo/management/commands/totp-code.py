"""DEMO ONLY: the current two-factor code of the demo administrator."""

import datetime
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from kansli.core.security import totp
from kansli.core.security.models import TotpDevice
from kansli.demo.two_factor import DEMO_TOTP_SECRET


def demo_settings_in_use() -> bool:
    module = str(getattr(settings, "SETTINGS_MODULE", ""))
    return bool(settings.DEBUG) or module.endswith((".local", ".demo"))


class Command(BaseCommand):
    help = (
        "Bara för demon: skriver ut den aktuella koden för demoadministratörens "
        "tvåstegsverifiering (den publicerade demohemligheten)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="demoanvändaren, t.ex. admin")

    def handle(self, *args: object, **options: object) -> None:
        if not demo_settings_in_use():
            raise CommandError(
                "totp-code finns bara för demon: den körs bara med DEBUG eller "
                "demoinställningarna (kansli.config.settings.local eller .demo)."
            )
        username = str(options["username"])
        device = TotpDevice.objects.filter(
            user__username=username, confirmed_at__isnull=False
        ).first()
        if device is None or device.secret != DEMO_TOTP_SECRET:
            raise CommandError(
                f"{username} har ingen tvåstegsverifiering med demohemligheten "
                "(kör python -m kansli demo_load)."
            )
        now = time.time()
        counter = max(totp.counter_at(now), device.last_used_counter + 1)
        if counter > totp.counter_at(now) + totp.DRIFT_STEPS:
            wait = (counter - totp.DRIFT_STEPS) * totp.STEP_SECONDS - int(now)
            raise CommandError(f"Koden är redan använd. Försök igen om {wait} sekunder.")
        valid_until = datetime.datetime.fromtimestamp(
            (counter + totp.DRIFT_STEPS + 1) * totp.STEP_SECONDS, tz=datetime.UTC
        )
        self.stdout.write(totp.code_at(DEMO_TOTP_SECRET, counter))
        self.stdout.write(
            f"Giltig till kl. {timezone.localtime(valid_until):%H:%M:%S} (bara för demon).",
            self.style.NOTICE,
        )
