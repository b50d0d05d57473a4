"""The finance official enters the state's amounts and gets the contribution case's memo."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kansli.finsam import services
from kansli.finsam.models import MemberKind
from kansli.memos.models import Memo
from kansli.people import services as people
from kansli.people.models import OrganizationKind

from .test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_state_amounts_to_memo(page, official_user, body, board, series):
    people.organization_create(
        actor=None,
        body=body,
        name="Regionstyrelsens arbetsutskott",
        kind=OrganizationKind.COMMITTEE,
        parent=board,
    )
    federation = services.federation_create(
        actor=None, body=body, name="Samordningsförbundet Sydnärke", short_name="Sydnärke"
    )
    services.federation_member_add(
        actor=None, federation=federation, kind=MemberKind.REGION, name="Region Örebro län"
    )
    for town, inhabitants in (("Kumla kommun", 21_900), ("Laxå kommun", 5_600)):
        member = services.federation_member_add(
            actor=None, federation=federation, kind=MemberKind.MUNICIPALITY, name=town
        )
        services.population_record(
            actor=None, member=member, on=datetime.date(2023, 11, 1), inhabitants=inhabitants
        )
    services.state_allocations_record(actor=None, year=2023, amounts={federation: 2_600_000})

    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("handlaggare")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/")
    page.get_by_role("link", name="Finsam").click()
    page.get_by_role("link", name="Medlemsbidrag ur statens belopp").click()

    page.get_by_label("År").fill("2024")
    page.get_by_label("Statens bidrag till Samordningsförbundet Sydnärke (kr)").fill("2 650 000")
    page.get_by_role("button", name="Beräkna bidragen").click()
    expect(page.locator(".form-errors")).to_contain_text("Formuläret innehåller fel")
    expect(page.locator("main")).to_contain_text("bara siffror")

    page.get_by_label("Statens bidrag till Samordningsförbundet Sydnärke (kr)").fill("2650000")
    page.get_by_role("button", name="Beräkna bidragen").click()
    table = page.get_by_role("table", name="Medlemmarnas bidrag 2024 (kr)")
    expect(table).to_contain_text("1 325 000")
    expect(table).to_contain_text("25 000")  # the change from last year
    towns = page.get_by_role("table", name="Samordningsförbundet Sydnärke: kommunernas del")
    expect(towns).to_contain_text("Kumla kommun")
    expect(page.locator(".proposal")).to_contain_text(
        "att lämna bidrag till Samordningsförbundet Sydnärke med 1 325 000 kronor för år 2024"
    )

    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []

    page.get_by_label("Sammanträdesdatum").fill("2024-02-06")
    page.get_by_role("button", name="Spara beloppen och skapa ärendet").click()
    expect(page.get_by_role("status")).to_contain_text("skapades med föredragnings-PM")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bidrag till samordningsförbunden 2024"
    )
    expect(page.locator("main")).to_contain_text("under förutsättning att övriga medlemmar")
    expect(page.locator("main")).to_contain_text("1 300,0")  # last year's amount in tkr
    memo = Memo.objects.get()
    assert memo.organization.name == "Regionstyrelsens arbetsutskott"
    assert memo.meeting_date == datetime.date(2024, 2, 6)


def test_setting_up_a_federation(page, official_user, body):
    """From an empty list to a federation with a member, its inhabitants, a board seat filled
    and a förbundsordning in force."""
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("handlaggare")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/")
    page.get_by_role("link", name="Finsam").click()
    page.get_by_role("link", name="Nytt förbund").first.click()

    page.get_by_label("Namn", exact=True).fill("Samordningsförbundet Sydnärke")
    page.get_by_label("Kortnamn").fill("Sydnärke")
    page.get_by_label("Säte").fill("Kumla")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("Lägg nu till medlemmarna")

    for kind, name in (("Region", "Region Örebro län"), ("Kommun", "Kumla kommun")):
        page.get_by_role("link", name="Lägg till medlem").click()
        page.get_by_label("Slag").select_option(label=kind)
        page.get_by_label("Namn").fill(name)
        page.get_by_role("button", name="Spara").click()
    members = page.get_by_role("table", name="Medlemmar i Sydnärke")
    expect(members).to_contain_text("Kumla kommun")

    page.get_by_role("link", name="För in invånarantal").click()
    page.get_by_label("Per dag").fill("2025-11-01")
    page.get_by_label("Kumla kommun, invånare").fill("21 900")
    page.get_by_role("button", name="Spara").click()
    expect(page.locator("main")).to_contain_text("bara siffror")
    page.get_by_label("Kumla kommun, invånare").fill("21900")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("table", name="Invånarantal per kommun")).to_contain_text("21 900")

    page.get_by_role("link", name="Ny mandatperiod").click()
    page.get_by_role("button", name="Spara").click()  # the proposed term and seats
    page.get_by_role("link", name="Lägg till utsedd").click()
    page.get_by_label("Utsedd av").select_option(label="Kumla kommun")
    page.get_by_label("Namn").fill("Bo Exempel")
    page.get_by_role("button", name="Spara").click()
    expect(page.locator("main")).to_contain_text("1 av 4 platser tillsatta")

    page.get_by_role("link", name="Ny förbundsordning").click()
    page.get_by_label("Rubrik").fill("Förbundsordning för Sydnärke 2025")
    page.get_by_label("Förslaget daterat").fill("2025-01-15")
    page.get_by_role("button", name="Spara").click()
    for member, day in (("Region Örebro län", "2025-03-01"), ("Kumla kommun", "2025-04-10")):
        page.get_by_role("link", name="För in ett antagande").click()
        page.get_by_label("Medlem").select_option(label=member)
        page.get_by_label("Antagen den").fill(day)
        page.get_by_role("button", name="Spara").click()
    expect(page.locator("main")).to_contain_text("Gäller från 2025-04-10")
    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []
