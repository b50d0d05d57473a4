"""The main path of each case workflow in the browser: delegated decisions reported to the
board, a resignation with its by-election, an authorisation granted and revoked (the
revocation decided, then the day the bank was told), an assignment reported and a follow-up
done. Each page passes axe (WCAG 2.1 AA)."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kansli.authorisations.models import Authorisation
from kansli.core.roles import Role, grant_role
from kansli.delegation.models import DelegatedDecision
from kansli.followups.models import Assignment, AssignmentStatus, FollowUp
from kansli.meetings.services import meeting_create
from kansli.people import services as people
from kansli.people.models import Membership, MembershipRole, OrganizationKind
from kansli.registry import services as registry

from .test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date


def _login(page, username="sekreterare"):
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill("kansli-test-lösen")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/")


def _clean(page):
    assert Axe().run(page, options=WCAG_21_AA).response["violations"] == []


def test_delegated_decisions_reported_to_the_board(page, secretary, board, series):
    grant_role(secretary, Role.REGISTRAR)
    meeting = meeting_create(
        actor=None,
        organization=board,
        date=D(2020, 8, 26),
        start_time=datetime.time(9),
        place="Sal A",
    )
    _login(page)
    page.get_by_role("link", name="Delegation", exact=True).click()
    page.get_by_role("link", name="Delegationsordning").click()
    page.get_by_label("Organ", exact=True).select_option(label="Regionstyrelsen")
    page.get_by_label("Punkt", exact=True).fill("2.1")
    page.get_by_label("Ärendetyp", exact=True).fill("Anställning av förvaltningschef")
    page.get_by_label("Delegat", exact=True).fill("Regiondirektören")
    page.get_by_role("button", name="Lägg till punkt").click()
    expect(page.get_by_role("status")).to_contain_text("Punkt 2.1 lades till.")
    _clean(page)

    page.goto("/delegation/nytt-beslut/")
    page.get_by_label("Delegerande organ").select_option(label="Regionstyrelsen")
    page.get_by_label("Punkt i delegationsordningen").select_option(index=1)
    page.get_by_label("Beslutsfattare").fill("Regiondirektören")
    page.get_by_label("Beslutsdatum").fill("2020-06-12")
    page.get_by_role("button", name="Registrera").click()
    expect(page.locator("main")).to_contain_text("Detta fält måste fyllas i")
    page.get_by_label("Beslutet i korthet").fill(
        "Regiondirektören har anställt en förvaltningschef"
    )
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("status")).to_contain_text("registrerades enligt punkt 2.1")
    expect(page.locator("main")).to_contain_text("skulle ha anmälts 2020-08-26")
    _clean(page)

    page.get_by_role("link", name="Sammanställ till sammanträde").click()
    page.get_by_label("Sammanträde", exact=True).select_option(label="Regionstyrelsen 2020-08-26")
    # the body's default series is already chosen
    expect(page.get_by_label("Diarieserie för ett nytt samlingsärende")).to_have_value(
        str(series.pk)
    )
    page.get_by_role("button", name="Sammanställ").click()
    expect(page.get_by_role("status")).to_contain_text("har nu 1 rad.")
    expect(page.locator("main ol")).to_contain_text(
        "Regiondirektören har anställt en förvaltningschef."
    )
    assert DelegatedDecision.objects.get().report_item.meeting == meeting
    _clean(page)


def test_a_resignation_and_its_by_election(page, secretary, body, board, series):
    council = people.organization_create(
        actor=None,
        body=body,
        name="Rådet för funktionshinderfrågor i Degerfors kommun",
        kind=OrganizationKind.EXTERNAL,
    )
    term = people.term_create(
        actor=None, body=body, name="2019–2022", start=D(2019, 1, 1), end=D(2022, 12, 31)
    )
    party = people.party_create(actor=None, code="S", name="Socialdemokraterna")
    holder = people.person_create(
        actor=None, first_name="Patrik", last_name="Rehnberg", party=party
    )
    people.person_create(actor=None, first_name="Anna", last_name="Exempelsdotter", party=party)
    people.membership_create(
        actor=None,
        person=holder,
        organization=council,
        role=MembershipRole.SUBSTITUTE,
        start=D(2019, 1, 1),
        term=term,
    )
    meeting_create(
        actor=None,
        organization=board,
        date=D(2020, 8, 26),
        start_time=datetime.time(9),
        place="Sal A",
    )
    _login(page)
    page.get_by_role("link", name="Val", exact=True).click()
    page.get_by_role("link", name="Ny begäran om entledigande").click()
    page.get_by_label("Uppdrag", exact=True).select_option(index=1)
    page.get_by_label("Begäran inkom").fill("2020-06-24")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("status")).to_contain_text("Begäran registrerades som")
    page.get_by_label("Sammanträde", exact=True).select_option(label="Regionstyrelsen 2020-08-26")
    page.get_by_role("button", name="Lägg på dagordningen").click()
    expect(page.get_by_role("status")).to_contain_text("Ärendet ligger på dagordningen")
    page.get_by_label("Föreslagen ersättare eller ledamot").select_option(
        label="Anna Exempelsdotter (S)"
    )
    page.get_by_role("button", name="Föreslå").click()
    expect(page.locator("main")).to_contain_text("Anna Exempelsdotter (S) (föreslagen)")
    page.get_by_role("button", name="Bevilja").click()
    expect(page.get_by_role("status")).to_contain_text("uppdraget slutade 2020-08-26")
    expect(page.locator("main")).to_contain_text("Anna Exempelsdotter (S), vald 2020-08-26")
    _clean(page)
    assert Membership.objects.get(person=holder).end == D(2020, 8, 26)
    page.get_by_role("link", name="Entlediganden och fyllnadsval").click()
    _clean(page)


def test_an_authorisation_granted_found_and_revoked(page, secretary, board):
    _login(page)
    page.get_by_role("link", name="Fullmakter", exact=True).click()
    page.get_by_role("link", name="Ny fullmakt").click()
    page.get_by_label("Beslutande organ").select_option(label="Regionstyrelsen")
    page.get_by_label("Innehavare", exact=True).fill(
        "Caroline Klefbom, finanscontroller\nMaria Pisoni Sundahl, ekonomichef"
    )
    page.get_by_label("Fullmakten ger rätt att").fill("genomföra finansiella transaktioner")
    page.get_by_label("I förening med (kontrasignation)").fill("Caroline Klefbom")
    page.get_by_label("Gäller från (beslutsdagen)").fill("2020-08-26")
    page.get_by_label("Hur fullmakten gavs").select_option(label="meddelande till tredje man")
    page.get_by_role("button", name="För in").click()
    expect(page.locator("main")).to_contain_text("Caroline Klefbom kan inte kontrasignera")
    page.get_by_label("I förening med (kontrasignation)").fill("ekonomidirektör Lennart Frommegård")
    page.get_by_role("button", name="För in").click()
    expect(page.get_by_role("status")).to_contain_text("2 fullmakter fördes in.")
    page.get_by_label("Sök", exact=True).fill("Pisoni")
    page.get_by_role("button", name="Visa").click()
    page.get_by_role("link", name="Maria Pisoni Sundahl").click()
    expect(page.locator("main")).to_contain_text("Meddelande till tredje man. Återkallas när")
    page.get_by_label("Återkallelsen beslutad").fill("2021-03-01")
    page.get_by_label("Skäl", exact=True).fill("Ny tjänst")
    page.get_by_role("button", name="Återkalla fullmakten").click()
    expect(page.locator("main")).to_contain_text(
        "Återkallelsen beslutad 2021-03-01 men banken eller annan tredje man har inte "
        "underrättats: fullmakten gäller fortfarande mot tredje man (avtalslagen 13 §)."
    )
    expect(page.locator("main")).to_contain_text("skäl: Ny tjänst")
    revoked = Authorisation.objects.get(holder_name="Maria Pisoni Sundahl")
    assert revoked.revocation_decided_on == D(2021, 3, 1) and revoked.third_party_told_on is None
    _clean(page)
    page.get_by_label("Tredje man underrättad").fill("2021-03-04")
    page.get_by_role("button", name="Anteckna").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Fullmakten upphörde 2021-03-04 (avtalslagen 13 §)."
    )
    expect(page.locator("main")).to_contain_text("upphörde 2021-03-04")
    revoked.refresh_from_db()
    assert revoked.third_party_told_on == D(2021, 3, 4)
    _clean(page)


def test_an_assignment_reported_and_a_follow_up_done(page, official_user, board, body, series):
    case = registry.case_register(actor=None, body=body, series=series, title="Delårsrapport")
    _login(page, "handlaggare")
    page.get_by_role("link", name="Uppföljning", exact=True).click()
    page.get_by_role("link", name="Nytt uppdrag").click()
    page.get_by_label("Uppdragsgivare").select_option(label="Regionstyrelsen")
    page.get_by_label("Nummer", exact=True).fill("53")
    page.get_by_label("Uppdraget", exact=True).fill("Ansluta till tjänsterna för högkostnadsskydd")
    page.get_by_label("Ansvarig", exact=True).fill("Regiondirektören")
    page.get_by_label("Givet", exact=True).fill("2019-11-27")
    page.get_by_label("Klart senast").fill("2020-12-31")
    page.get_by_role("button", name="För in").click()
    expect(page.get_by_role("status")).to_contain_text("Uppdrag 53 fördes in.")
    page.get_by_label("Status", exact=True).select_option(label="Startat")
    page.get_by_label("Prognos").fill("Bedöms klart 2021")
    page.get_by_label("Rapportdag").fill("2020-07-31")
    page.get_by_role("button", name="Spara rapport").click()
    expect(page.locator("main")).to_contain_text("Rapport 2020-07-31: startat. Prognos:")
    _clean(page)

    page.goto("/uppfoljning/ny-uppfoljning/")
    page.get_by_label("Diarienummer", exact=True).fill(case.number)
    page.get_by_label("Vad som följs upp").fill("Effekten av åtgärderna")
    page.get_by_label("Beslutad", exact=True).fill("2020-05-27")
    page.get_by_label("Med delårsrapporten").check()
    page.get_by_role("button", name="För in").click()
    expect(page.get_by_role("status")).to_contain_text("senast 2020-08-31")
    expect(page.locator("main")).to_contain_text("Bedöms klart 2021")
    _clean(page)
    page.get_by_role("button", name="Markera gjord").click()
    expect(page.get_by_role("status")).to_contain_text("markerad som gjord")
    assert FollowUp.objects.get().done_on is not None
    assert Assignment.objects.get().status == AssignmentStatus.STARTED
