"""The archivist's path from a body without a plan: read in the classification structure and
the plan (a bad file first), see a new case classified by its type, then dispose of what the
plan lets go and find the record of it."""

import datetime
import io
import os

import pytest
from playwright.sync_api import expect

from kansli.registry import services
from kansli.registry.models import ClassNode, DisposalRecord, DocumentKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = """klass;benämning;handlingstyp;åtgärd;gallringsfrist;format;lagrum;ärendetyper
1;Styra och leda;;;;;;
1.1;Politisk styrning;;;;;;
1.1.1;Bereda och besluta ärenden;;Bevaras;;PDF/A;Arkivlagen (1990:782) 3 §;Allmänt ärende
1.1.1;;Kallelse;Gallras;2 år;PDF/A;IHP RS 2020-10;
"""


def _look(page, name: str) -> None:
    folder = os.environ.get("KANSLI_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/arkiv-{name}.png", full_page=True)


def test_the_archivist_reads_in_the_plan_and_disposes_of_what_it_lets_go(
    page, archivist, body, series, tmp_path
):
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("arkivarie")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Arkiv").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("informationshanteringsplan")
    expect(page.locator("main")).to_contain_text("Ingen klassificeringsstruktur är inläst")

    bad = tmp_path / "plan-fel.csv"
    bad.write_text(PLAN + "1.1.1;;Protokoll;Gallras;0 år;;;\n", encoding="utf-8")
    page.get_by_label("Fil med klassificeringsstruktur och plan").set_input_files(str(bad))
    page.get_by_role("button", name="Läs in").click()
    expect(page.get_by_role("alert")).to_contain_text("Rad 6")
    expect(page.get_by_role("alert")).to_contain_text("0 år är inte möjlig")
    assert not ClassNode.objects.exists()
    _look(page, "plan-fel")

    good = tmp_path / "plan.csv"
    good.write_bytes(PLAN.encode("cp1252"))  # as Excel on Windows saves it
    page.get_by_label("Fil med klassificeringsstruktur och plan").set_input_files(str(good))
    page.get_by_role("button", name="Läs in").click()
    expect(page.get_by_role("status")).to_contain_text("3 klasser och 2 rader")
    plan = page.get_by_role("table", name="Planen")
    expect(plan).to_contain_text("Bereda och besluta ärenden")
    expect(plan).to_contain_text("Gallras efter 2 år")
    _look(page, "plan")

    # A case registered now is classified from its type; an older one, closed, holds a notice.
    process = ClassNode.objects.get(body=body, code="1.1.1")
    case = services.case_register(
        actor=None,
        body=body,
        series=series,
        title="Budget 2023",
        registered_on=datetime.date(2023, 1, 10),
    )
    assert case.process == process
    notice = services.document_register(
        actor=None,
        case=case,
        kind=DocumentKind.DRAWN_UP,
        date=datetime.date(2023, 1, 12),
        description="Kallelse till sammanträdet",
        document_type="Kallelse",
        file=io.BytesIO(b"Kallelse\n"),
        file_name="kallelse.txt",
    )
    services.case_close(actor=None, case=case, closed_on=datetime.date(2023, 6, 1))

    page.get_by_role("link", name="Gallring").click()
    due = page.get_by_role("table", name="1 handling kan gallras")
    expect(due).to_contain_text(notice.number)
    expect(due).to_contain_text("2025-06-01")
    page.get_by_role("button", name="Gallra de valda filerna").click()
    expect(page.get_by_role("alert")).to_contain_text("Välj minst en handling")
    page.get_by_label(notice.number).check()
    page.get_by_label("Stöd för gallringen").fill("Informationshanteringsplan RS 2020-10")
    _look(page, "gallring")
    page.get_by_role("button", name="Gallra de valda filerna").click()
    expect(page.get_by_role("status")).to_contain_text("1 fil gallrades")
    expect(page.get_by_role("table", name="Gallrade filer")).to_contain_text("kallelse.txt")
    _look(page, "gallrat")
    assert DisposalRecord.objects.get().document == notice

    page.get_by_role("link", name=notice.number).click()
    expect(page.get_by_role("table", name="Handlingar")).to_contain_text("Gallrad")
    expect(page.get_by_role("table", name="Händelser")).to_contain_text("Gallrade filen")
