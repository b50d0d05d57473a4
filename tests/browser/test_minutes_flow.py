"""From meeting to decision in the browser: the secretary records attendance and a
decision, the chair and the adjuster sign with their own logins, and the notice board
shows the posting with the last day to appeal."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from kansli.core.roles import Role
from kansli.minutes import rules
from kansli.minutes.models import Vote
from tests.conftest import _user
from tests.minutes.helpers import board_with_meeting, paragraph, started_minutes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "kansli-test-lösen"


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def test_record_decide_sign_twice_and_see_the_posting(page, body, series):
    b = board_with_meeting(body, series)
    _user("sekreterare", Role.SECRETARY)
    chair, adjuster = b.login("Svahn"), b.login("Karlsson")
    minutes_url = f"/sammantraden/{b.meeting.pk}/protokoll/"

    log_in(page, "sekreterare")
    page.goto(f"/sammantraden/{b.meeting.pk}/")
    page.get_by_role("link", name="Protokoll", exact=True).click()
    page.get_by_role("button", name="Påbörja protokoll").click()
    expect(page.get_by_text("Protokollet är påbörjat.")).to_be_visible()
    expect(page.locator("#adjustment-deadline")).to_contain_text("2020-09-09")

    page.get_by_label("Nina Höijer (S) närvarande").uncheck()
    page.get_by_label("Carina Dahl (S) närvarande").check()
    page.get_by_role("button", name="Spara närvaro").click()
    expect(page.get_by_text("Närvaron är sparad.")).to_be_visible()

    page.get_by_role("link", name="Motion om gröna obligationer").click()
    expect(page.get_by_text("Carina Dahl (S), tjänstgör för Nina Höijer (S)")).to_be_visible()
    page.get_by_label("Beslut (en att-sats per rad)").fill(
        "att avslå motionen, samt\natt ta ärendet till protokollet."
    )
    page.get_by_label("Yrkande 1: ledamot").select_option(label="Jihad Menhem (V)")
    page.get_by_label("Yrkande 1: text").fill("bifall till motionen")
    page.get_by_role("button", name="Spara paragrafen").click()
    expect(page.get_by_text("§ 2 är sparad.")).to_be_visible()
    expect(page.locator("#paragraf-2")).to_contain_text("att ta ärendet till protokollet.")

    for user in (chair, adjuster):
        log_in(page, user.username)
        page.goto(minutes_url)
        page.get_by_role("button", name="Signera protokollet").click()
        expect(page.get_by_text("Din signatur är registrerad.")).to_be_visible()

    today = timezone.localdate()
    expect(page.locator("#minutes-status")).to_contain_text("Justerat")
    expect(page.locator("#last-appeal-day")).to_have_text(
        rules.last_day_to_appeal(today).isoformat()
    )
    expect(page.get_by_role("button", name="Signera protokollet")).to_have_count(0)

    page.context.clear_cookies()
    page.goto("/anslagstavla/")
    board = page.get_by_role("article")
    expect(board).to_contain_text("Regionstyrelsen 2020-08-26")
    expect(board).to_contain_text(rules.last_day_to_appeal(today).isoformat())


def test_all_yes_with_javascript_sets_every_choice_and_says_so(page, body, series):
    b = board_with_meeting(body, series)
    _user("sekreterare", Role.SECRETARY)
    p = paragraph(started_minutes(b), 2)
    log_in(page, "sekreterare")
    page.goto(reverse("minutes:paragraph_edit", args=[b.meeting.pk, p.pk]))
    page.get_by_label("Ja innebär").fill("avslag")
    page.get_by_label("Nej innebär").fill("bifall")
    button = page.get_by_role("button", name="Alla ja")
    button.focus()
    page.keyboard.press("Enter")  # the keyboard reaches it like any button
    status = page.get_by_role("status").filter(has_text="tjänstgörande")
    expect(status).to_have_text(
        "Alla 5 tjänstgörande ledamöter har ja. Ändra dem som röstade annorlunda och "
        "registrera omröstningen; inget är registrerat ännu."
    )
    for name in ("Svahn", "Karlsson", "Sundin", "Höijer", "Menhem"):
        expect(page.get_by_label(f"{b[name]}: Ja", exact=True)).to_be_checked()
    expect(page.get_by_label("Ja innebär")).to_have_value("avslag")  # set here, not reloaded
    assert not Vote.objects.exists()
    page.get_by_label(f"{b['Menhem']}: Nej", exact=True).check()
    page.get_by_label("Nej innebär").press("Enter")  # Enter still records the vote
    expect(page.get_by_text("Omröstningen är registrerad.")).to_be_visible()
    vote = Vote.objects.get()
    assert sorted(vote.ballots.values_list("choice", flat=True)) == ["ja"] * 4 + ["nej"]
