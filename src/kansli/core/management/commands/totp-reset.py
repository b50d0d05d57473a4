"""Remove a user's two-factor device, e.g. after a lost phone (run on the server)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansli.core.models import User
from kansli.core.security.services import totp_reset


class Command(BaseCommand):
    help = (
        "Nollställer en användares tvåstegsverifiering (app och reservkoder), t.ex. efter "
        "en borttappad telefon. En administratör får ställa in en ny vid nästa inloggning."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: object, **options: object) -> None:
        user = User.objects.filter(username=str(options["username"])).first()
        if user is None:
            raise CommandError(f"Det finns ingen användare {options['username']}.")
        if totp_reset(actor=None, user=user):
            self.stdout.write(f"Tvåstegsverifieringen för {user.username} är nollställd.")
        else:
            self.stdout.write(f"{user.username} hade ingen tvåstegsverifiering.")
