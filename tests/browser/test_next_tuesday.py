"""Next Tuesday's meeting, from an installation with only a body, a case series and the users,
in the browser alone: the administrator lays out the party list, the board and the term; the
secretary enters the board (CSV and form), creates the meeting, builds the agenda (added,
reordered, one item withdrawn), writes a memo, builds the meeting book, sends the notice (read
back from the mail files), moves the meeting once, takes the minutes with attendance and a vote
("Alla ja"), the chair and the adjuster sign, the notice board shows the posting, and the
decisions go out with "Expediera alla". axe finds no WCAG 2.1 AA violations on the new pages.

A second test cancels a meeting and checks the portal, the calendar feed and the API."""

import datetime
import email
import json
from email import policy
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from kansli.core.models import User
from kansli.core.roles import Role
from kansli.meetings.models import Meeting
from kansli.people.models import Person
from tests.conftest import _user, with_totp

from .test_security import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "kansli-test-lösen"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

# Fictional members at a reserved domain; the CSV as the council's election decision lists them.
CSV = (
    "namn;parti;roll;ordning;e-post\n"
    "Anna Exempelsson;S;Ordförande;;anna.exempelsson@example.org\n"
    "Bertil Berg;M;Vice ordförande;;bertil.berg@example.org\n"
    "Cecilia Prov;S;Ledamot;;cecilia.prov@example.org\n"
    "David Test;S;Ersättare;1;david.test@example.org\n"
    "Eva Fiktiv;M;Ersättare;1;eva.fiktiv@example.org\n"
)


def next_tuesday(today: datetime.date) -> datetime.date:
    day = today + datetime.timedelta(days=8)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


def no_violations(page, problems: list[str]) -> None:
    """axe on the page as it stands; violations are collected, not raised at once."""
    results = Axe().run(page, options=WCAG_21_AA)
    problems += [f"{page.url}: {v['id']} – {v['help']}" for v in results.response["violations"]]


def mails(folder: Path) -> list[email.message.Message]:
    found = []
    for path in sorted(folder.glob("*.log")):
        for raw in path.read_bytes().split(b"-" * 79):
            if raw.strip():
                found.append(email.message_from_bytes(raw.strip() + b"\n", policy=policy.default))
    return found


def subject(message: email.message.Message) -> str:
    return " ".join(str(message["Subject"]).split())


def text_of(message: email.message.Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return str(part.get_content())


def test_next_tuesdays_meeting_from_the_browser_alone(
    page, body, series, secretary, settings, tmp_path
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    admin = _user("admin", Role.ADMINISTRATOR)
    secret = with_totp(admin)
    for username in ("exempelsson", "berg"):
        _user(username, Role.ELECTED)
    today = timezone.localdate()
    tuesday = next_tuesday(today)
    problems: list[str] = []

    # The administrator: parties, the board, the term.
    log_in(page, "admin", PASSWORD, secret)
    page.goto("/partier/")
    for code, name in [("S", "Socialdemokraterna"), ("M", "Moderaterna")]:
        page.get_by_label("Förkortning").fill(code)
        page.get_by_label("Namn").fill(name)
        page.get_by_role("button", name="Lägg till partiet").click()
    page.goto("/organ/nytt/")
    page.get_by_label("Namn", exact=True).fill("Regionstyrelsen")
    page.get_by_label("Typ").select_option(label="Styrelse")
    page.get_by_label("E-post för expediering").fill("regionstyrelsen@example.org")
    page.get_by_role("button", name="Spara").click()
    page.goto("/mandatperioder/ny/")
    page.get_by_label("Namn").fill("Innevarande mandatperiod")
    page.get_by_label("Från").fill(f"{today.year - 1}-01-01")
    page.get_by_label("Till").fill(f"{today.year + 2}-12-31")
    page.get_by_role("button", name="Spara").click()

    # The secretary: the board from CSV, one more substitute by the form.
    log_in(page, "sekreterare", PASSWORD)
    page.goto("/mandatperioder/")
    page.get_by_role("link", name="Innevarande mandatperiod").click()
    page.get_by_role("link", name="Regionstyrelsen", exact=True).click()
    page.get_by_role("link", name="Läs in från CSV").click()
    csv_file = tmp_path / "ledamoter.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    page.get_by_label("CSV-fil").set_input_files(str(csv_file))
    page.get_by_role("button", name="Visa vad som skulle skapas").click()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("Sparade 5 uppdrag i Regionstyrelsen")
    page.get_by_role("link", name="Lägg till ledamot eller ersättare").click()
    page.get_by_label("Förnamn").fill("Fredrik")
    page.get_by_label("Efternamn").fill("Påhittad")
    page.get_by_label("Parti", exact=True).select_option(label="S")
    page.get_by_label("Roll").select_option(label="Ersättare")
    page.get_by_label("E-post").fill("fredrik.pahittad@example.org")
    page.get_by_role("button", name="Lägg till").click()
    expect(page.get_by_role("status")).to_contain_text("Fredrik Påhittad (S) är ersättare")
    for username, last_name in (("exempelsson", "Exempelsson"), ("berg", "Berg")):
        # The logins exist with the installation; the chair and the adjuster sign with them.
        Person.objects.filter(last_name=last_name).update(user=User.objects.get(username=username))

    # A case for the agenda, registered by the secretary.
    page.goto("/arenden/nytt/")
    page.get_by_label("Ärendemening").fill("Regionplan 2027–2030")
    page.get_by_label("Ansvarigt organ").select_option(label="Regionstyrelsen")
    page.get_by_role("button", name="Registrera").click()
    case_number = page.locator("h1").inner_text().split()[0]

    # The meeting, next Tuesday.
    page.goto("/sammantraden/nytt/")
    page.get_by_label("Organ").select_option(label="Regionstyrelsen")
    page.get_by_label("Datum").fill(tuesday.isoformat())
    page.get_by_label("Starttid").fill("09:00")
    page.get_by_label("Sluttid").fill("12:00")
    page.get_by_label("Plats").fill("Regionens hus, sal A")
    page.get_by_label("Anmälan av förhinder till").fill("Nämndsekreteraren")
    page.get_by_role("button", name="Skapa sammanträde").click()
    meeting = Meeting.objects.get()
    meeting_url = f"/sammantraden/{meeting.pk}/"
    expect(page.locator("#lage-agenda")).to_contain_text("Dagordningen är tom.")
    no_violations(page, problems)

    def add_item(title: str = "", case: str = "", clauses: str = "") -> None:
        page.goto(f"{meeting_url}punkter/ny/")
        if case:
            page.get_by_label("Diarienummer").fill(case)
        if title:
            page.get_by_label("Rubrik").fill(title)
        if clauses:
            page.get_by_label("Beslutsformel").fill("Regionstyrelsen beslutar")
            page.get_by_label("Att-satser").fill(clauses)
        page.get_by_role("button", name="Lägg till").click()

    add_item(case=case_number)  # the case's title becomes the item's
    add_item("Information om vaccinationerna")
    add_item(
        "Protokollsjustering",
        clauses="att utse Bertil Berg (M) att justera dagens protokoll.",
    )
    no_violations(page, problems)
    # Reorder: the adjustment item up to the top, with the keyboard-reachable buttons.
    page.get_by_role("button", name="Upp med punkt 3").click()
    page.get_by_role("button", name="Upp med punkt 2").click()
    expect(page.locator("#punkt-1 h3")).to_contain_text("Protokollsjustering")
    expect(page.locator("#punkt-2 h3")).to_contain_text("Regionplan 2027–2030")
    # One item is withdrawn.
    page.locator("#punkt-3").get_by_text("Utgår").first.click()
    page.get_by_label("Skäl till att punkt 3 utgår (valfritt)").fill("Informationen lämnas senare")
    page.get_by_role("button", name="Låt punkt 3 utgå").click()
    expect(page.locator("#punkt-3")).to_contain_text("Utgår")
    no_violations(page, problems)
    page.goto(f"{meeting_url}punkter/2/andra/")
    no_violations(page, problems)

    # The memo of item 2, written and marked ready.
    page.goto(meeting_url)
    page.locator("#punkt-2").get_by_role("button", name="Skriv föredragnings-PM").click()
    page.get_by_label("Att-satser").fill("att anta regionplanen.")
    page.get_by_label("Sammanfattning").fill("Regionplanen pekar ut länets utveckling.")
    page.get_by_label("Konsekvenser för miljö-, barn- och jämställdhetsperspektiven").fill("Inga.")
    page.get_by_label("Ekonomiska konsekvenser").fill("Inga.")
    page.get_by_label("Uppföljning").fill("Planen följs upp årligen.")
    page.get_by_label("Beslutsunderlag").fill("Tjänsteskrivelse")
    page.get_by_label("Underskrift, namn").fill("Rickard Simonsson")
    page.get_by_label("Underskrift, titel").fill("Regiondirektör")
    page.get_by_label("Skickas till").fill("Regionstyrelsen")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("button", name="Markera som klart").click()
    page.goto(meeting_url)
    expect(page.locator("#lage-memos")).to_contain_text("1 av 1")

    # The meeting book, built by the worker.
    page.get_by_role("button", name="Skapa kallelse (ledamöternas version)").click()
    expect(page.get_by_role("progressbar")).to_be_visible()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # the worker
    expect(page.locator(".book-status [role=status]")).to_have_text("100 %")
    page.goto(meeting_url)
    expect(page.locator("#lage-book")).to_contain_text("aktuell")

    # The notice: six recipients, read back from the mail files.
    page.get_by_role("button", name="Skicka kallelsen").click()
    expect(page.locator(".messages")).to_contain_text("Kallelse skickades till 6 av 6.")
    sent = mails(tmp_path / "mail")
    assert len(sent) == 6
    chair_mail = next(m for m in sent if m["To"] == "anna.exempelsson@example.org")
    assert subject(chair_mail) == f"Kallelse: Regionstyrelsen {tuesday.isoformat()} kl. 09.00"
    body_text = text_of(chair_mail)
    assert "Du kallas som ledamot" in body_text
    assert "3. Information om vaccinationerna – utgår" in body_text
    assert any(p.get_content_type() == "text/calendar" for p in chair_mail.walk())
    expect(page.locator("#lage-notice")).to_contain_text("Till 6 av 6.")
    no_violations(page, problems)

    # Moved once: to this afternoon (the chair's wish), told to everyone who had the notice.
    page.get_by_role("link", name="Ändra eller flytta").click()
    no_violations(page, problems)
    page.get_by_label("Datum").fill(today.isoformat())
    page.get_by_label("Starttid").fill("13:00")
    page.get_by_label("Sluttid").fill("16:00")
    page.get_by_role("button", name="Spara").click()
    expect(page.locator(".messages")).to_contain_text(
        "Meddelandet om ändringen skickades till 6 av 6."
    )
    changed = [m for m in mails(tmp_path / "mail") if subject(m).startswith("Ändring")]
    assert len(changed) == 6
    assert len(changed) == 6 and "kl. 13.00–16.00" in text_of(changed[0])

    # The minutes: attendance as proposed, a vote with "Alla ja".
    page.get_by_role("link", name="Påbörja protokollet").click()  # from the stages
    page.get_by_role("button", name="Påbörja protokoll").click()
    expect(page.get_by_text("Protokollet är påbörjat.")).to_be_visible()
    page.get_by_role("link", name="Regionplan 2027–2030").click()
    no_violations(page, problems)
    page.get_by_label("Ja innebär").fill("bifall till förslaget")
    page.get_by_label("Nej innebär").fill("avslag på förslaget")
    page.get_by_role("button", name="Alla ja").click()
    page.get_by_label("Cecilia Prov (S): Nej").check()
    page.get_by_role("button", name="Registrera omröstningen").click()
    expect(page.locator(".messages")).to_contain_text("Omröstningen")
    page.goto(f"{meeting_url}protokoll/")
    page.get_by_label("Ordförande").select_option(label="Anna Exempelsson (S)")
    page.get_by_label("Justerare", exact=True).select_option(label="Bertil Berg (M)")
    page.get_by_role("button", name="Spara justering").click()

    # The chair and the adjuster sign; the minutes are adjusted and posted.
    for username in ("exempelsson", "berg"):
        log_in(page, username, PASSWORD)
        page.goto("/")
        page.get_by_role("link", name=f"Protokoll Regionstyrelsen {today.isoformat()}").click()
        page.get_by_role("button", name="Signera protokollet").click()
        expect(page.get_by_text("Din signatur är registrerad.")).to_be_visible()
    expect(page.locator("#minutes-status")).to_contain_text("Justerat")
    page.context.clear_cookies()
    page.goto("/anslagstavla/")
    expect(page.get_by_role("article").first).to_contain_text(
        f"Regionstyrelsen {today.isoformat()}"
    )

    # Dispatched in one step.
    log_in(page, "sekreterare", PASSWORD)
    page.goto("/expediering/")
    no_violations(page, problems)
    page.get_by_role("button", name="Expediera alla").first.click()
    expect(page.locator("main")).to_contain_text("expedierad")
    extracts = [m for m in mails(tmp_path / "mail") if subject(m).startswith("Protokollsutdrag")]
    assert [m["To"] for m in extracts] == ["regionstyrelsen@example.org"]
    page.goto(meeting_url)
    expect(page.locator("#lage-dispatched")).to_contain_text("1 av 1.")
    no_violations(page, problems)
    assert problems == []


def test_a_cancelled_meeting_on_the_portal_in_the_feed_and_in_the_api(page, body, series):
    from tests.meetings.lifecycle_helpers import board_with_upcoming_meeting

    b = board_with_upcoming_meeting(body, series)
    _user("sekreterare", Role.SECRETARY)
    log_in(page, "sekreterare", PASSWORD)
    page.goto(f"/sammantraden/{b.meeting.pk}/")
    page.get_by_role("link", name="Ställ in").click()
    problems: list[str] = []
    no_violations(page, problems)
    page.get_by_label("Skäl (visas för ledamöterna och på Insyn)").fill("Inga ärenden att behandla")
    page.get_by_role("button", name="Ställ in sammanträdet").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inställt")
    expect(page.locator("#lage-cancelled")).to_contain_text("Inga ärenden att behandla")
    no_violations(page, problems)

    page.context.clear_cookies()
    page.goto(f"/insyn/sammantraden/{b.meeting.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("inställt")
    expect(page.locator("main")).to_contain_text(
        "Sammanträdet är inställt: Inga ärenden att behandla"
    )
    no_violations(page, problems)
    feed = page.request.get("/insyn/kalender.ics").text()
    event = feed.split("BEGIN:VEVENT")[1]
    assert "STATUS:CANCELLED" in event and "SEQUENCE:1" in event
    api = json.loads(page.request.get(f"/api/v1/meetings/{b.meeting.pk}").text())
    assert api["cancelled"] is True
    assert problems == []
