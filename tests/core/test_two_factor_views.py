"""The two-step login, the administrators' gate and the account page."""

import re
import time

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.core.roles import Role
from kansli.core.security import services, totp
from kansli.core.security.login_views import PENDING
from kansli.core.security.models import LockoutKind, LoginFailure, LoginLockout, TotpDevice
from tests.conftest import _user, with_totp

from .security_helpers import code_step, logged_in_user_id, password_step, wrong_code

CASES = "/arenden/"


@pytest.fixture
def staff(db):
    user = _user("handlaggare", Role.OFFICIAL)
    return user, with_totp(user)


# The second step


def test_without_a_device_the_password_is_enough(client, secretary):
    response = password_step(client, "sekreterare", next_url=CASES)
    assert response.status_code == 302 and response["Location"] == CASES
    assert logged_in_user_id(client) == str(secretary.pk)


def test_right_code_logs_in(client, staff):
    user, secret = staff
    response = password_step(client, "handlaggare", next_url=CASES)
    assert response.status_code == 302 and response["Location"] == reverse("core:login_code")
    assert logged_in_user_id(client) is None  # not logged in after the password alone
    assert client.get(CASES).status_code == 302
    page = client.get(reverse("core:login_code"))
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.content.decode()
    response = code_step(client, totp.current_code(secret))
    assert response.status_code == 302 and response["Location"] == CASES
    assert logged_in_user_id(client) == str(user.pk)
    assert PENDING not in client.session
    assert AuditEntry.objects.filter(action="totp_verify", actor=user).count() == 1


def test_wrong_code_is_refused_and_counted(client, staff):
    user, secret = staff
    password_step(client, "handlaggare")
    response = code_step(client, wrong_code(secret))
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()
    assert logged_in_user_id(client) is None
    assert LoginFailure.objects.filter(username="handlaggare", stage="kod").count() == 1
    response = code_step(client, totp.current_code(secret))  # the step stays open
    assert response.status_code == 302 and logged_in_user_id(client) == str(user.pk)
    assert not LoginFailure.objects.filter(username="handlaggare").exists()


def test_a_code_cannot_be_replayed(client, staff):
    _, secret = staff
    code = totp.current_code(secret)
    password_step(client, "handlaggare")
    assert code_step(client, code).status_code == 302
    client.post(reverse("core:logout"))
    password_step(client, "handlaggare")
    response = code_step(client, code)
    assert response.status_code == 200 and logged_in_user_id(client) is None
    assert "Koden stämmer inte" in response.content.decode()


def test_a_recovery_code_is_used_once(client, staff):
    user, _ = staff
    codes = services.recovery_codes_regenerate(actor=user, user=user)
    password_step(client, "handlaggare")
    response = code_step(client, codes[0])
    assert response.status_code == 302 and logged_in_user_id(client) == str(user.pk)
    assert any("9 reservkoder kvar" in str(m) for m in get_messages(response.wsgi_request))
    client.post(reverse("core:logout"))
    password_step(client, "handlaggare")
    assert code_step(client, codes[0]).status_code == 200
    assert logged_in_user_id(client) is None


def test_wrong_codes_count_towards_the_lockout(client, staff):
    _, secret = staff
    password_step(client, "handlaggare")
    for _n in range(4):
        assert code_step(client, wrong_code(secret)).status_code == 200
    response = code_step(client, wrong_code(secret))
    assert response.status_code == 429
    assert "För många misslyckade inloggningsförsök" in response.content.decode()
    assert LoginLockout.objects.filter(kind=LockoutKind.USERNAME, key="handlaggare").exists()
    # the pending login is gone, and the right password and code are refused
    assert code_step(client, totp.current_code(secret)).status_code == 302
    assert logged_in_user_id(client) is None
    assert password_step(client, "handlaggare").status_code == 429


def test_password_step_does_not_reset_the_code_count(client, staff):
    """Starting over with the password must not give the code guesser a fresh count."""
    _, secret = staff
    for _round in range(2):
        password_step(client, "handlaggare")
        for _n in range(2):
            code_step(client, wrong_code(secret))
    password_step(client, "handlaggare")
    assert code_step(client, wrong_code(secret)).status_code == 429


def test_the_code_page_needs_the_password_first(client, staff):
    response = client.get(reverse("core:login_code"))
    assert response.status_code == 302 and response["Location"] == reverse("core:login")
    assert code_step(client, "123456").status_code == 302
    assert logged_in_user_id(client) is None


def test_the_second_step_expires(client, staff):
    _, secret = staff
    password_step(client, "handlaggare")
    session = client.session
    session[PENDING] = {**session[PENDING], "at": time.time() - 3600}
    session.save()
    assert code_step(client, totp.current_code(secret)).status_code == 302
    assert logged_in_user_id(client) is None


def test_next_is_kept_only_when_safe(client, staff):
    _, secret = staff
    password_step(client, "handlaggare", next_url="https://evil.example/")
    response = code_step(client, totp.current_code(secret))
    assert response["Location"] == reverse("core:home")


# The administrators' gate


@pytest.fixture
def new_admin(db):
    return _user("ny-admin", Role.ADMINISTRATOR)


def test_an_administrator_without_a_device_reaches_only_the_set_up(client, new_admin):
    client.force_login(new_admin)
    setup = reverse("core:two_factor")
    for url in (reverse("core:home"), CASES, reverse("admin:index")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == setup, url
    htmx = client.get(CASES, headers={"HX-Request": "true"})
    assert htmx.status_code == 204 and htmx["HX-Redirect"] == setup
    page = client.get(setup)
    assert page.status_code == 200
    assert "måste du logga in med tvåstegsverifiering" in page.content.decode()
    assert client.get("/static/kansli/kansli.css").status_code in (200, 404)  # not redirected
    assert client.post(reverse("core:logout")).status_code == 302
    assert logged_in_user_id(client) is None


def test_superusers_are_gated_too(client, db):
    root = _user("rot")
    root.is_superuser = root.is_staff = True
    root.save()
    client.force_login(root)
    assert client.get(reverse("core:home"))["Location"] == reverse("core:two_factor")


def test_the_password_step_sends_an_administrator_to_the_set_up(client, new_admin):
    response = password_step(client, "ny-admin", next_url=CASES)
    assert response.status_code == 302 and response["Location"] == reverse("core:two_factor")
    assert logged_in_user_id(client) == str(new_admin.pk)


def test_set_up_through_the_pages_opens_the_gate(client, new_admin):
    client.force_login(new_admin)
    client.post(reverse("core:two_factor_begin"))
    page = client.get(reverse("core:two_factor")).content.decode()
    assert 'src="data:image/svg+xml' in page
    shown = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1)
    secret = shown.replace(" ", "")
    assert secret == TotpDevice.objects.get(user=new_admin).pending_secret
    wrong = client.post(reverse("core:two_factor_confirm"), {"code": wrong_code(secret)})
    assert "Koden stämmer inte" in wrong.content.decode()
    assert client.get(reverse("core:home")).status_code == 302
    done = client.post(reverse("core:two_factor_confirm"), {"code": totp.current_code(secret)})
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", done.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("core:home")).status_code == 200
    assert client.get(reverse("admin:index")).status_code in (200, 302)
    page = client.get(reverse("core:two_factor")).content.decode()
    assert "10</strong> oanvända reservkoder" in page
    assert "Stäng av tvåstegsverifiering" not in page  # administrators may not
    refused = client.post(reverse("core:two_factor_disable"), {"code": codes[0]})
    assert "Administratörer" in refused.content.decode()
    assert TotpDevice.objects.get(user=new_admin).is_confirmed


def test_administrator_logs_in_with_both_steps(client, administrator):
    administrator.is_staff = True  # Django's admin needs it besides the role
    administrator.save()
    secret = administrator.totp_device.secret
    response = password_step(client, "admin", next_url="/admin/")
    assert response["Location"] == reverse("core:login_code")
    response = code_step(client, totp.current_code(secret))
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_leads_to_ours(client, db):
    response = client.get(reverse("admin:login") + "?next=/admin/people/")
    assert response.status_code == 302
    assert response["Location"] == reverse("core:login") + "?next=%2Fadmin%2Fpeople%2F"
    anonymous = client.get(reverse("admin:index"), follow=True)
    assert anonymous.redirect_chain[-1][0].startswith(reverse("core:login"))
    posted = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert posted.status_code == 302 and not LoginFailure.objects.exists()


# The account page


def test_account_page_for_staff_only(client, elected, registrar):
    url = reverse("core:two_factor")
    assert client.get(url)["Location"].startswith(reverse("core:login"))
    client.force_login(elected)
    assert client.get(url).status_code == 403
    client.force_login(registrar)
    assert client.get(url).status_code == 200
    assert "Tvåstegsverifiering" in client.get(reverse("core:home")).content.decode()


def test_staff_turn_it_on_and_off(client, registrar):
    client.force_login(registrar)
    client.post(reverse("core:two_factor_begin"))
    secret = TotpDevice.objects.get(user=registrar).pending_secret
    client.post(reverse("core:two_factor_confirm"), {"code": totp.current_code(secret)})
    page = client.get(reverse("core:two_factor")).content.decode()
    assert "Stäng av tvåstegsverifiering" in page
    regenerated = client.post(reverse("core:two_factor_recovery"))
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", regenerated.content.decode())
    assert len(codes) == 10
    refused = client.post(reverse("core:two_factor_disable"), {"code": wrong_code(secret)})
    assert "Koden stämmer inte" in refused.content.decode()
    response = client.post(reverse("core:two_factor_disable"), {"code": codes[0]})
    assert response.status_code == 302
    assert not TotpDevice.objects.filter(user=registrar).exists()
    assert client.get(reverse("core:home")).status_code == 200  # not an administrator


def test_cancel_the_set_up(client, registrar):
    client.force_login(registrar)
    client.post(reverse("core:two_factor_begin"))
    client.post(reverse("core:two_factor_cancel"))
    assert not TotpDevice.objects.filter(user=registrar).exists()
    assert "Slå på tvåstegsverifiering" in client.get(reverse("core:two_factor")).content.decode()


def test_account_actions_are_post_only(client, registrar):
    client.force_login(registrar)
    assert client.get(reverse("core:two_factor_begin")).status_code == 405
    assert not TotpDevice.objects.filter(user=registrar).exists()
