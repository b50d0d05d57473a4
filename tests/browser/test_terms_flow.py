"""From an empty installation (a body, a case series and the users), in the browser alone: the
administrator lays out parties, an organization and a term; the secretary enters the
members and substitutes from a CSV file (a refused file first), adds one with the form,
changes the board mid-term, and starts the next term by copying this one."""

import pytest
from playwright.sync_api import expect

from kansli.core.roles import Role
from kansli.people.models import Membership, Person
from tests.conftest import _user, with_totp

from .test_security import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "kansli-test-lösen"

CSV = (
    "namn;parti;roll;ordning;e-post\n"
    "Anna Exempelsson;S;Ordförande;;anna.exempelsson@example.se\n"
    "Berg, Bertil;M;1:e vice ordförande;;\n"
    "Cecilia Prov;S;ledamot;;\n"
    "David Test;S;ersättare;1;\n"
    "Eva Fiktiv;M;ersättare;1;\n"
)


def _menu(page, name: str) -> None:
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name=name).click()


def test_a_new_term_from_the_browser_alone(page, body, series, secretary, tmp_path):
    admin = _user("admin", Role.ADMINISTRATOR)
    secret = with_totp(admin)

    # The administrator: parties, an organization and a term.
    log_in(page, "admin", PASSWORD, secret)
    _menu(page, "Mandatperioder")
    page.get_by_role("link", name="Partier").click()
    for code, name in [("S", "Socialdemokraterna"), ("M", "Moderaterna")]:
        page.get_by_label("Förkortning").fill(code)
        page.get_by_label("Namn").fill(name)
        page.get_by_role("button", name="Lägg till partiet").click()
        expect(page.get_by_role("status")).to_contain_text(f"Partiet {name} ({code}) lades till")
    page.goto("/organ/")
    page.get_by_role("link", name="Nytt organ").click()
    page.get_by_label("Namn", exact=True).fill("Regionstyrelsen")
    page.get_by_label("Typ").select_option(label="Styrelse")
    page.get_by_label("E-post för expediering").fill("rs@region.example.se")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regionstyrelsen")
    _menu(page, "Mandatperioder")
    page.get_by_role("link", name="Ny mandatperiod").click()
    page.get_by_label("Namn").fill("2023–2026")
    page.get_by_label("Från").fill("2023-01-01")
    page.get_by_label("Till").fill("2022-12-31")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("main")).to_contain_text("kan inte sluta innan den börjar")
    page.get_by_label("Till").fill("2026-12-31")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mandatperiod 2023–2026")

    # The secretary: the members and substitutes from CSV; a PDF chosen by mistake is
    # refused, then Excel's Windows-1252 ("ANSI") file is read and says so.
    log_in(page, "sekreterare", PASSWORD)
    _menu(page, "Mandatperioder")
    page.get_by_role("link", name="2023–2026").click()
    page.get_by_role("link", name="Regionstyrelsen", exact=True).click()
    page.get_by_role("link", name="Läs in från CSV").click()
    wrong = tmp_path / "ledamoter.pdf"
    wrong.write_bytes(b"%PDF-1.7\n1 0 obj\n")
    page.get_by_label("CSV-fil").set_input_files(str(wrong))
    page.get_by_role("button", name="Visa vad som skulle skapas").click()
    expect(page.get_by_role("alert")).to_contain_text("Filen är en PDF, inte en tabell")
    latin = tmp_path / "ledamoter-ansi.csv"
    latin.write_bytes(CSV.encode("cp1252"))
    page.get_by_label("CSV-fil").set_input_files(str(latin))
    page.get_by_role("button", name="Visa vad som skulle skapas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Granska innan du sparar")
    expect(page.locator("main")).to_contain_text("Filen lästes som Windows-1252 (ANSI).")
    expect(page.locator("main")).to_contain_text("förnamn Bertil, efternamn Berg")
    assert not Membership.objects.exists()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("Sparade 5 uppdrag i Regionstyrelsen")
    expect(page.get_by_role("table", name="Ledamöter (3)")).to_contain_text("Anna Exempelsson")

    # One more with the form; a namesake is asked about.
    page.get_by_role("link", name="Lägg till ledamot eller ersättare").click()
    page.get_by_label("Förnamn").fill("David")
    page.get_by_label("Efternamn").fill("Test")
    page.get_by_label("Parti", exact=True).select_option(label="S")
    page.get_by_label("Roll").select_option(label="Ledamot")
    page.get_by_role("button", name="Lägg till").click()
    expect(page.locator("main")).to_contain_text(
        "Det finns redan David Test (S) – är det samma person?"
    )
    page.get_by_label("Nej, en annan person med samma namn").check()
    page.get_by_role("button", name="Lägg till").click()
    expect(page.get_by_role("status")).to_contain_text(
        "David Test (S) är ledamot i Regionstyrelsen"
    )
    assert Person.objects.filter(last_name="Test").count() == 2

    # Mid-term: the chair leaves; the ended seat stays with its end.
    page.get_by_role("link", name="Avsluta uppdraget för Anna Exempelsson").click()
    page.get_by_label("Sista dag").fill("2024-05-31")
    page.get_by_role("button", name="Avsluta uppdraget").click()
    expect(page.get_by_role("table", name="Ledamöter (4)")).to_contain_text("2024-05-31")

    # The next term starts as a copy of this one.
    _menu(page, "Mandatperioder")
    page.get_by_role("link", name="Ny mandatperiod").click()
    page.get_by_label("Namn").fill("2027–2030")
    page.get_by_label("Från").fill("2027-01-01")
    page.get_by_label("Till").fill("2030-12-31")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Kopiera från förra mandatperioden (2023–2026)").click()
    page.get_by_role("button", name="Kopiera 5 uppdrag").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Kopierade 5 uppdrag från mandatperioden 2023–2026: Regionstyrelsen (3 ledamöter, "
        "2 ersättare)"
    )
    assert Membership.objects.filter(term__name="2027–2030").count() == 5
