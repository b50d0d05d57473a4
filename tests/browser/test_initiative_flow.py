"""A motion's main path in the browser: registered on arrival, announced on fullmäktige's
agenda, referred, answered."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kansli.initiatives.models import Initiative
from kansli.meetings.services import meeting_create
from kansli.people import services as people
from kansli.people.models import OrganizationKind

from .test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_motion_from_arrival_to_answer(page, secretary, body, board, series):
    council = people.organization_create(
        actor=None, body=body, name="Regionfullmäktige", kind=OrganizationKind.COUNCIL
    )
    meeting_create(
        actor=None,
        organization=council,
        date=datetime.date(2020, 9, 30),
        start_time=datetime.time(9),
        place="Conventum",
    )
    party = people.party_create(actor=None, code="V", name="Vänsterpartiet")
    people.person_create(actor=None, first_name="Jens", last_name="Exempelsson", party=party)

    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("sekreterare")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/")
    page.get_by_role("link", name="Motioner").click()
    page.get_by_role("link", name="Ny motion").click()
    page.get_by_label("Rubrik").fill("Motion om fler vårdplatser")
    page.get_by_label("Inkom").fill("2020-09-15")
    page.get_by_role("button", name="Registrera").click()
    expect(page.locator(".form-errors")).to_be_visible()
    expect(page.locator("main")).to_contain_text("En motion har minst en motionär.")
    page.get_by_label("Motionärer").select_option(label="Jens Exempelsson (V)")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("status")).to_contain_text("Motionen registrerades som")
    expect(page.locator("main")).to_contain_text("2021-09-15")

    page.get_by_label("Fullmäktiges sammanträde").select_option(index=0)
    page.get_by_role("button", name="Lägg på dagordningen").click()
    expect(page.get_by_role("status")).to_contain_text("Anmälan ligger på dagordningen")
    page.get_by_label("Fullmäktiges beslut den").fill("2020-09-30")
    page.get_by_role("button", name="Spara remissen").click()
    expect(page.locator("main")).to_contain_text("Remitterad till Regionstyrelsen 2020-09-30")

    page.get_by_label("Beslut", exact=True).select_option(label="Besvarad")
    page.get_by_label("Beslutsdatum").fill("2021-04-27")
    page.get_by_label("Paragraf").fill("RF 2021-04-27 § 61")
    page.get_by_role("button", name="Spara beslutet").click()
    expect(page.locator("main")).to_contain_text("Besvarad 2021-04-27 (RF 2021-04-27 § 61)")
    assert Initiative.objects.get().outcome == "besvarad"
    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []
    page.get_by_role("link", name="Motioner och medborgarförslag").click()
    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []


def test_a_citizen_proposal_with_consent_and_left_to_a_committee(
    page, secretary, body, board, series
):
    council = people.organization_create(
        actor=None, body=body, name="Regionfullmäktige", kind=OrganizationKind.COUNCIL
    )
    meeting_create(
        actor=None,
        organization=council,
        date=datetime.date(2020, 9, 30),
        start_time=datetime.time(9),
        place="Conventum",
    )
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("sekreterare")
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/")
    page.goto("/motioner/nytt-medborgarforslag/")
    page.get_by_label("Rubrik").fill("Medborgarförslag om cykelställ vid vårdcentralen")
    page.get_by_label("Inkom").fill("2020-09-01")
    page.get_by_label("Förslagsställare", exact=True).fill("Kim Provnamn")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("status")).to_contain_text("Medborgarförslaget registrerades som")
    expect(page.locator("main")).to_contain_text("(namnet publiceras inte)")
    detail = page.url

    page.get_by_label("Fullmäktiges sammanträde").select_option(index=0)
    page.get_by_role("button", name="Lägg på dagordningen").click()
    expect(page.get_by_role("status")).to_contain_text("Anmälan ligger på dagordningen")

    # The public portal names no one without consent.
    page.goto("/insyn/motioner/")
    expect(page.locator("main")).to_contain_text("Medborgarförslag om cykelställ")
    expect(page.locator("main")).not_to_contain_text("Kim Provnamn")
    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []

    page.goto(detail)
    page.get_by_label("Namnet får publiceras").check()
    page.get_by_role("button", name="Spara samtycket").click()
    expect(page.get_by_role("status")).to_contain_text("namnet får publiceras")
    page.goto("/insyn/motioner/")
    expect(page.locator("main")).to_contain_text("Kim Provnamn")

    page.goto(detail)
    page.get_by_label("Överlämnat till").select_option(label="Regionstyrelsen")
    page.get_by_label("Fullmäktiges beslut den").last.fill("2020-09-30")
    page.get_by_role("button", name="Spara överlämnandet").click()
    expect(page.locator("main")).to_contain_text(
        "Fullmäktige överlämnade beslutet till Regionstyrelsen 2020-09-30"
    )
    assert Initiative.objects.get().delegated_to == board
    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []
