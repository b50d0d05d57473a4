"""In the browser: the Content-Security-Policy breaks nothing on the main pages (no console
message about a refused script or style), and a staff member sets up two-factor login from
the account page and logs in again with a code."""

import re
import time

import pyotp
import pytest
from playwright.sync_api import expect

from kansli.core.security import totp
from kansli.core.security.models import TotpDevice
from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.demo.loader import demo_load
from kansli.demo.two_factor import DEMO_TOTP_SECRET
from kansli.meetings.models import Meeting
from kansli.minutes.models import Minutes
from kansli.people.models import Party
from kansli.registry.models import Case
from tests.core.security_helpers import wrong_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "kansli-demo"
CSP_WORDS = ("Content Security Policy", "Refused to")


def watch_console(page) -> list[str]:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(str(error)))
    return messages


def csp_complaints(messages: list[str]) -> list[str]:
    return [m for m in messages if any(word in m for word in CSP_WORDS)]


def unused_code(username: str, secret: str) -> str:
    """The next code the server will accept for the user (with pyotp, as the phone would)."""
    device = TotpDevice.objects.get(user__username=username)
    counter = max(totp.counter_at(time.time()), device.last_used_counter + 1)
    return pyotp.TOTP(secret).generate_otp(counter)


def log_in(page, username: str, password: str, secret: str | None = None) -> None:
    page.context.clear_cookies()
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    if secret is not None:
        expect(page.get_by_role("heading", level=1)).to_have_text("Kod för inloggning")
        page.get_by_label("Kod").fill(unused_code(username, secret))
        page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Välkommen")


def test_no_page_breaks_the_content_security_policy(page):
    demo_load()
    meeting = Meeting.objects.get(date=DEMO_MEETING["date"])
    minutes = Minutes.objects.get(meeting=meeting)
    paragraph = minutes.paragraphs.order_by("number").first()
    case = Case.objects.get(number="20RS5739")
    messages = watch_console(page)

    page.goto("/logga-in/")
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    log_in(page, "sekreterare", DEMO_PASSWORD)
    visited = ["/", "/arenden/", f"/arenden/{case.pk}/", f"/sammantraden/{meeting.pk}/"]
    visited += [
        f"/sammantraden/{meeting.pk}/protokoll/",
        f"/sammantraden/{meeting.pk}/protokoll/paragraf/{paragraph.pk}/",
    ]
    for url in visited:
        response = page.goto(url)
        assert response.status == 200, url
        assert "default-src 'self'" in response.headers["content-security-policy"]
    # htmx at work: the case list's search box replaces the rows without a page load
    page.goto("/arenden/")
    page.locator("#q").fill("20RS5739")
    expect(page).to_have_url(re.compile(r"q=20RS5739"))  # hx-push-url
    expect(page.locator("#case-rows tr")).to_have_count(1)
    # the attendance table's narrow inputs keep their width from the style sheet
    page.goto(f"/sammantraden/{meeting.pk}/protokoll/")
    width = page.locator("input.input-short").first.evaluate("e => e.offsetWidth")
    assert width < 120

    log_in(page, "admin", DEMO_PASSWORD, secret=DEMO_TOTP_SECRET)
    party = Party.objects.first()
    for url in ("/admin/", "/admin/people/party/", f"/admin/people/party/{party.pk}/change/"):
        response = page.goto(url)
        assert response.status == 200, url
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto("/konto/tvastegsverifiering/")
    page.goto("/logga-in/")

    assert csp_complaints(messages) == []

    # The watch itself works: an inline style attribute added now is refused and reported.
    page.goto("/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    expect(page.locator("body")).to_contain_text("x")
    page.wait_for_timeout(200)
    assert csp_complaints(messages) != []


def test_set_up_two_factor_and_log_in_with_a_code(page, registrar):
    messages = watch_console(page)
    log_in(page, "registrator", "kansli-test-lösen")
    page.get_by_role("link", name="Tvåstegsverifiering").click()
    page.get_by_role("button", name="Slå på tvåstegsverifiering").click()

    qr = page.get_by_role("img", name="QR-kod")
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    assert qr.evaluate("img => img.naturalWidth") > 0  # the data: image is allowed and drawn
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    assert len(secret) == 32

    page.get_by_label("Kod från appen").fill(wrong_code(secret))
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.locator(".errorlist")).to_contain_text("Koden stämmer inte")

    page.get_by_label("Kod från appen").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dina reservkoder")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10

    page.get_by_role("button", name="Logga ut").click()
    log_in(page, "registrator", "kansli-test-lösen", secret=secret)

    # and once more with a recovery code instead of the app
    page.get_by_role("button", name="Logga ut").click()
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("registrator")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_label("Kod").fill(codes[0])
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Välkommen")
    expect(page.locator(".messages")).to_contain_text("9 reservkoder kvar")

    assert csp_complaints(messages) == []
