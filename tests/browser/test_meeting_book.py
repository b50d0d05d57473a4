"""The secretary's path to a meeting book: order it, watch the progress reach 100 %, and
download the PDF."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.demo.loader import demo_load
from kansli.meetings.models import Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_build_watch_progress_and_download(page, tmp_path):
    demo_load()
    meeting = Meeting.objects.get(date=DEMO_MEETING["date"])
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("sekreterare")
    page.get_by_label("Lösenord").fill("kansli-demo")
    page.get_by_role("button", name="Logga in").click()
    page.goto(f"/sammantraden/{meeting.pk}/")

    page.get_by_role("button", name="Skapa kallelse (ledamöternas version)").click()
    progress = page.get_by_role("progressbar")
    expect(progress).to_be_visible()
    expect(progress).to_have_attribute("value", "0")

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # the worker

    expect(progress).to_have_attribute("value", "100")
    expect(page.locator(".book-status [role=status]")).to_have_text("100 %")
    link = page.get_by_role("link", name="Hämta PDF")
    with page.expect_download() as download:
        link.click()
    target = tmp_path / "kallelse.pdf"
    download.value.save_as(target)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert "Ledamöter kallas" in reader.pages[0].extract_text()
    assert len(reader.outline) > 13
