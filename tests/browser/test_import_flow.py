"""The secretary imports old memos in the browser: a refused file, the preview, the import —
each read or written by the worker while the page shows its progress and reloads itself."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from kansli.memos.models import Memo

from ..browser.test_accessibility import WCAG_21_AA
from ..importer.helpers import FILES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def work() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_upload_preview_and_import(page, secretary, body, tmp_path):
    memo = FILES / "tjansteskrivelse_region.txt"
    latin1 = tmp_path / "gammal.txt"
    latin1.write_bytes(memo.read_text(encoding="utf-8").replace("–", "-").encode("latin-1"))

    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("sekreterare")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/")
    page.get_by_role("link", name="Sammanträden").click()
    page.get_by_role("link", name="Importera").click()

    # A Latin-1 file: refused with its line and what to do; nothing to confirm.
    page.get_by_label("Filer").set_input_files([str(latin1)])
    page.get_by_role("button", name="Granska filerna").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Granskar filerna")
    expect(page.get_by_role("status")).to_contain_text("0 av 2 steg klara")
    work()  # the page polls and reloads itself once the worker is done
    expect(page.get_by_role("alert")).to_contain_text("Filerna kan inte importeras")
    errors = page.get_by_role("table", name="Fel som stoppar importen")
    expect(errors).to_contain_text("gammal.txt")
    expect(errors).to_contain_text("inte UTF-8")
    expect(page.get_by_role("button", name="Importera")).to_have_count(0)

    # The same file with its encoding chosen: the preview, with what would be created.
    page.get_by_role("link", name="Importera fler filer").click()
    page.get_by_label("Filer").set_input_files([str(latin1)])
    page.get_by_label("Teckenkodning").select_option(label="Latin-1 (ISO 8859-1)")
    page.get_by_role("button", name="Granska filerna").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Granskar filerna")
    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []
    work()
    expect(page.get_by_role("heading", level=1)).to_have_text("Granska importen")
    expect(page.get_by_role("heading", name="Skapas vid import", exact=False)).to_be_visible()
    expect(page.locator("main")).to_contain_text("21RS1234")
    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []
    assert Memo.objects.count() == 0

    page.get_by_role("button", name="Importera").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importerar")
    assert Memo.objects.count() == 0
    work()
    expect(page.get_by_role("status")).to_contain_text("Importen är klar")
    expect(page.get_by_role("heading", level=1)).to_have_text("Importen är klar")
    memo_row = Memo.objects.get(case__number="21RS1234")
    assert memo_row.title.startswith("Revidering")
    page.get_by_role("link", name="Till sammanträdena").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sammanträden")
