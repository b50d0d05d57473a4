"""Commands: the demo administrator's code (demo only) and resetting a lost device."""

import io
import time

import pytest
from django.core.management import CommandError, call_command

from kansli.core.models import AuditEntry, User
from kansli.core.security import services, totp
from kansli.core.security.models import TotpDevice
from kansli.demo.loader import demo_load
from kansli.demo.two_factor import DEMO_TOTP_SECRET
from tests.conftest import with_totp


@pytest.fixture
def demo_admin(demo_data):
    return User.objects.get(username="admin")


def test_the_demo_administrator_has_the_published_secret(demo_admin):
    device = TotpDevice.objects.get(user=demo_admin)
    assert device.is_confirmed and device.secret == DEMO_TOTP_SECRET
    assert demo_load().total == 0  # idempotent


def test_totp_code_prints_a_code_that_logs_in(demo_admin, settings, capsys):
    settings.DEBUG = True
    call_command("totp-code", "admin")
    code = capsys.readouterr().out.splitlines()[0]
    assert len(code) == 6 and code.isdigit()
    assert services.totp_verify(actor=demo_admin, code=code) == "app"
    assert services.totp_verify(actor=demo_admin, code=code) is None


def test_totp_code_says_when_the_codes_are_used_up(demo_admin, settings):
    settings.DEBUG = True
    TotpDevice.objects.filter(user=demo_admin).update(
        last_used_counter=totp.counter_at(time.time()) + 5
    )
    with pytest.raises(CommandError, match="redan använd"):
        call_command("totp-code", "admin")


def test_totp_code_is_for_the_demo_only(demo_admin, settings, secretary):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="bara för demon"):
        call_command("totp-code", "admin")
    settings.SETTINGS_MODULE = "kansli.config.settings.demo"  # make run: DEBUG off, still a demo
    call_command("totp-code", "admin", stdout=io.StringIO())
    settings.DEBUG = True
    with_totp(secretary)
    with pytest.raises(CommandError, match="demohemligheten"):
        call_command("totp-code", "sekreterare")


def test_totp_reset(secretary, capsys):
    with_totp(secretary)
    call_command("totp-reset", "sekreterare")
    assert "nollställd" in capsys.readouterr().out
    assert not TotpDevice.objects.filter(user=secretary).exists()
    assert AuditEntry.objects.get(action="totp_reset").actor is None
    call_command("totp-reset", "sekreterare")
    assert "ingen tvåstegsverifiering" in capsys.readouterr().out
    with pytest.raises(CommandError, match="ingen användare"):
        call_command("totp-reset", "finns-inte")
