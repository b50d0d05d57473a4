"""The demo administrator's two-factor login: a fixed, published secret (DEMO ONLY).

Every administrator must log in with a code, so the demo's `admin` has an app set up with
DEMO_TOTP_SECRET. `python -m kansli totp-code admin` prints the current code; or add the
secret to any authenticator app.
"""

from kansli.core.models import User
from kansli.core.security import services, totp
from kansli.core.security.policy import has_confirmed_device

from .report import LoadReport

DEMO_TOTP_USERNAME = "admin"
# Published in the source and the README: never use it outside the demo.
DEMO_TOTP_SECRET = "KANSLIDEMOADMINXTVASTEGSKOD23456"


def demo_two_factor(report: LoadReport) -> None:
    user = User.objects.filter(username=DEMO_TOTP_USERNAME).first()
    if user is None or has_confirmed_device(user):
        return
    services.totp_setup_begin(actor=None, user=user, secret=DEMO_TOTP_SECRET)
    services.totp_confirm(actor=None, user=user, code=totp.current_code(DEMO_TOTP_SECRET))
    report.count("tvåstegsverifieringar")
