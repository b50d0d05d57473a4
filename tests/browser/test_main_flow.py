"""The registrar's main path: log in, register a case, register a document, see it listed;
change the case with a reason, close it with its decision and reopen it."""

import os

import pytest
from playwright.sync_api import expect

from kansli.registry.models import Document

from ..registry.helpers import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_case_and_document(page, registrar, series, tmp_path):
    motion = tmp_path / "motion.pdf"
    motion.write_bytes(pdf_bytes("Motion om gröna obligationer"))

    page.goto("/")
    page.get_by_role("link", name="Logga in").click()
    page.get_by_label("Användarnamn").fill("registrator")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Välkommen")

    page.get_by_role("link", name="Registrera nytt ärende").click()
    page.get_by_label("Ärendemening").fill("Motion om gröna obligationer")
    page.get_by_label("Ärendetyp").select_option(label="Motion")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("status")).to_contain_text("registrerades med diarienummer")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Motion om gröna obligationer")
    number = page.locator("h1 .case-number").inner_text()
    assert number.endswith("RS1")

    page.get_by_role("link", name="Registrera handling").click()
    page.get_by_label("Inkommen").check()
    page.get_by_label("Datum", exact=True).fill("2020-06-16")
    page.get_by_label("Avsändare eller mottagare").fill("Willhelm Sundman (L)")
    page.get_by_label("Beskrivning").fill("Motion från Willhelm Sundman (L)")
    page.get_by_label("Fil").set_input_files(str(motion))
    page.get_by_role("button", name="Registrera handling").click()

    expect(page.get_by_role("status")).to_contain_text(f"registrerades som {number}-1")
    documents = page.get_by_role("table", name="Handlingar")
    row = documents.get_by_role("row").filter(has_text=f"{number}-1")
    expect(row).to_contain_text("Motion från Willhelm Sundman (L)")
    expect(row).to_contain_text("2020-06-16")
    expect(row.get_by_role("link", name="Hämta")).to_be_visible()
    history = page.get_by_role("table", name="Händelser")
    expect(history).to_contain_text(f"Registrerade handling {number}-1")
    assert Document.objects.get().file.read(5) == b"%PDF-"

    # Reassigned with a reason, then closed by its decision and reopened.
    page.get_by_role("link", name="Ändra ärendet").click()
    page.get_by_label("Ärendemening").fill("Motion om gröna obligationer för klimatet")
    page.get_by_label("Enhet").fill("Ekonomistaben")
    page.get_by_role("button", name="Spara ändringen").click()
    expect(page.get_by_role("alert")).to_contain_text("Formuläret innehåller fel")
    expect(page.locator("main form")).to_contain_text("Ange skälet till ändringen.")
    page.get_by_label("Skäl till ändringen").fill("Motionären har förtydligat rubriken.")
    page.get_by_role("button", name="Spara ändringen").click()
    expect(page.get_by_role("status")).to_contain_text(f"Ärende {number} ändrades.")
    expect(heading).to_contain_text("för klimatet")
    expect(history).to_contain_text("från ”Motion om gröna obligationer” till")
    expect(history).to_contain_text("Skäl: Motionären har förtydligat rubriken.")
    page.get_by_role("link", name="Avsluta ärendet").click()
    page.get_by_label("Avslutat genom").fill("Regionfullmäktige 2026-03-16 § 12")
    _look(page, "avsluta")
    page.get_by_role("button", name="Avsluta").click()
    expect(page.get_by_role("status")).to_contain_text("avslutades")
    expect(page.locator("dl.meta")).to_contain_text("genom Regionfullmäktige 2026-03-16 § 12")
    expect(page.get_by_role("link", name="Registrera handling")).to_have_count(0)
    _look(page, "avslutat")
    page.get_by_role("link", name="Återuppta ärendet").click()
    page.get_by_label("Skäl till att ärendet återupptas").fill("Beslutet har överklagats.")
    page.get_by_role("button", name="Återuppta").click()
    expect(page.locator("dl.meta")).to_contain_text("Pågående")
    expect(history).to_contain_text("Återupptog ärende")


def _look(page, name: str) -> None:
    """A screenshot to look at, when KANSLI_SCREENSHOTS names a folder."""
    folder = os.environ.get("KANSLI_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/arende-{name}.png", full_page=True)


def test_bad_upload_is_refused_in_swedish(page, registrar, series, body):
    from kansli.registry.services import case_register

    case = case_register(actor=registrar, body=body, series=series, title="Skrivelse")
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("registrator")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.goto(f"/arenden/{case.pk}/handlingar/ny/")
    page.get_by_label("Inkommen").check()
    page.get_by_label("Datum", exact=True).fill("2020-06-16")
    page.get_by_label("Beskrivning").fill("Falsk pdf")
    page.get_by_label("Fil").set_input_files(
        files=[
            {
                "name": "beslut.pdf",
                "mimeType": "application/pdf",
                "buffer": b"<script>alert('x')</script>",
            }
        ]
    )
    page.get_by_role("button", name="Registrera handling").click()
    expect(page.get_by_role("alert")).to_contain_text("Formuläret innehåller fel")
    expect(page.locator("main form")).to_contain_text("innehållet är inte en PDF")
    assert not Document.objects.exists()
