"""A registrar registers two incoming letters in the browser: an XML bomb and a long letter
full of phone numbers. After the worker has read them, the review queue says which one needs
a person's review and why, and the long one is reviewed a page of findings at a time, each
finding leading to the part of the text where it stands."""

import datetime
import io
import zipfile

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kansli.registry.services import case_register

from .test_security import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "kansli-test-lösen"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# The day the letters came in: before the tests' fixed today (tests/clock.py), as a
# registered document's date must be.
RECEIVED = datetime.date(2026, 3, 2)


def docx(path, document_xml: str) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return str(path)


def long_letter(path) -> str:
    body = "".join(
        f"<w:p><w:r><w:t>Fråga {n}: ring 070-{100 + n % 900:03d} {n % 100:02d} 34 om "
        "ansökan, som förvaltningen handlägger under hösten.</w:t></w:r></w:p>"
        for n in range(400)
    )
    return docx(path, f"<w:document {W}><w:body>{body}</w:body></w:document>")


def laughs(path) -> str:
    entities = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    return docx(
        path,
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document {W}><w:body><w:p><w:r>'
        "<w:t>&l9;</w:t></w:r></w:p></w:body></w:document>",
    )


def register(page, case, description: str, file: str) -> None:
    page.goto(f"/arenden/{case.pk}/")
    page.get_by_role("link", name="Registrera handling").click()
    page.get_by_label("Inkommen").check()
    page.get_by_label("Datum").fill(RECEIVED.isoformat())
    page.get_by_label("Beskrivning").fill(description)
    page.get_by_label("Fil").set_input_files(file)
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.number)


def test_a_registrar_reviews_a_bomb_and_a_long_letter(
    page, registrar, body, series, board, tmp_path
):
    case = case_register(
        actor=registrar,
        body=body,
        series=series,
        title="Frågor om bidrag",
        organization=board,
        today=RECEIVED,
    )
    log_in(page, registrar.username, PASSWORD)
    register(page, case, "Skrivelse med skratt", laughs(tmp_path / "skratt.docx"))
    register(page, case, "Lång skrivelse", long_letter(tmp_path / "lang.docx"))
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0, stdout=io.StringIO())

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Granskning").click()
    bomb_row = page.get_by_role("row").filter(has_text="Skrivelse med skratt")
    expect(bomb_row).to_contain_text("Kräver manuell granskning")
    expect(bomb_row).to_contain_text("XML-bomb")
    letter_row = page.get_by_role("row").filter(has_text="Lång skrivelse")
    expect(letter_row).to_contain_text("400 av 400")
    page.screenshot(path=str(tmp_path / "granskningskon.png"), full_page=True)

    letter_row.get_by_role("link").click()
    expect(page.get_by_text("Fynd 1–100 av 400")).to_be_visible()
    for shown in ("101–200", "201–300", "301–400"):
        pager = page.get_by_role("navigation", name="Sidor med fynd")
        pager.get_by_role("link", name="Nästa").click()
        expect(page.get_by_text(f"Fynd {shown} av 400")).to_be_visible()
    finding = page.locator("table code").first
    number = finding.inner_text()
    finding.click()
    expect(page.get_by_role("heading", name="Handlingens text")).to_contain_text("del 2 av 2")
    mark = page.locator("mark", has_text=number)
    expect(mark).to_be_visible()
    page.screenshot(path=str(tmp_path / "granskning.png"), full_page=False)

    page.goto("/granskning/")
    page.get_by_role("row").filter(has_text="Skrivelse med skratt").get_by_role("link").click()
    expect(page.get_by_role("note")).to_contain_text("Kräver manuell granskning")
    expect(page.get_by_role("note")).to_contain_text("deklarerar egna entiteter")
    expect(page.get_by_text("Ingen text kunde läsas automatiskt ur filen.")).to_be_visible()
    page.screenshot(path=str(tmp_path / "bomb.png"), full_page=True)
