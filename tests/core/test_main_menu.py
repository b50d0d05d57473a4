"""The main menu (base.html, built from the apps' registrations in kansli.core.extensions):
each role sees exactly the links it saw when the menu was written out by hand, in the same
order, and the page's section is marked."""

import re

import pytest
from django.urls import reverse

from kansli.core.models import User
from kansli.core.roles import Role
from tests.conftest import _user

SIGNED_IN = ["Ärenden", "Sammanträden"]
PUBLIC = ["Insyn", "Kalender"]
STAFF = ["Expediering", "Granskning"]
PEOPLE = ["Organ", "Förtroendevalda"]
WORKFLOWS = ["Motioner", "Val", "Delegation", "Fullmakter", "Uppföljning", "Finsam"]

EXPECTED = {
    "anonymous": [*PUBLIC, "Anslagstavla", *PEOPLE, "Sök"],
    "no role": [*SIGNED_IN, "Anslagstavla", *PEOPLE, "Sök"],
    Role.ELECTED: [*SIGNED_IN, "Anslagstavla", *PEOPLE, *WORKFLOWS, "Sök"],
    Role.OFFICIAL: [*SIGNED_IN, "Anslagstavla", *STAFF, *PEOPLE, *WORKFLOWS, "Sök"],
    Role.REGISTRAR: [*SIGNED_IN, "Anslagstavla", *STAFF, *PEOPLE, *WORKFLOWS, "Arkiv", "Sök"],
    Role.ARCHIVIST: [*SIGNED_IN, "Anslagstavla", *PEOPLE, "Arkiv", "Sök"],
    Role.SECRETARY: [
        *SIGNED_IN,
        "Anslagstavla",
        *STAFF,
        *PEOPLE,
        "Mandatperioder",
        *WORKFLOWS,
        "Sök",
    ],
}


def menu(page: str) -> list[tuple[str, str, bool]]:
    """(label, href, marked as the current section) of each link in the main menu."""
    nav = re.search(r'<nav aria-label="Huvudmeny">(.*?)</nav>', page, re.S)
    assert nav is not None
    return [
        (label, href, bool(current))
        for href, current, label in re.findall(
            r'<a href="([^"]*)"( aria-current="page")?>([^<]*)</a>', nav.group(1)
        )
    ]


def labels(client) -> list[str]:
    return [label for label, _, _ in menu(client.get(reverse("search:search")).content.decode())]


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(EXPECTED), ids=str)
def test_each_role_sees_the_menu_it_always_saw(client, who):
    if who != "anonymous":
        user = _user("anvandare", *([] if who == "no role" else [who]))
        client.force_login(user)
    assert labels(client) == EXPECTED[who]


@pytest.mark.django_db
def test_an_administrator_sees_the_staff_links_the_terms_and_the_admin(client, administrator):
    administrator.is_staff = True
    administrator.save()
    client.force_login(administrator)
    assert labels(client) == [
        *SIGNED_IN,
        "Anslagstavla",
        *STAFF,
        *PEOPLE,
        "Mandatperioder",
        *WORKFLOWS,
        "Arkiv",
        "Sök",
        "Administration",
    ]


@pytest.mark.django_db
def test_a_django_staff_user_without_a_role_sees_the_admin_link(client):
    user = User.objects.create_user("personal", is_staff=True)
    client.force_login(user)
    assert labels(client)[-1] == "Administration"


@pytest.mark.django_db
def test_the_links_lead_to_their_pages_and_the_section_is_marked(client, secretary):
    client.force_login(secretary)
    found = menu(client.get(reverse("search:search")).content.decode())
    assert [(label, current) for label, _, current in found if current] == [("Sök", True)]
    hrefs = dict((label, href) for label, href, _ in found)
    assert hrefs["Ärenden"] == reverse("registry:case_list")
    assert hrefs["Granskning"] == reverse("review:queue")
    assert hrefs["Finsam"] == reverse("finsam:federation_list")
    page = client.get(reverse("registry:case_list")).content.decode()
    assert [label for label, _, current in menu(page) if current] == ["Ärenden"]


@pytest.mark.django_db
def test_the_public_portal_marks_insyn(client):
    page = client.get(reverse("publishing:home")).content.decode()
    assert [label for label, _, current in menu(page) if current] == ["Insyn"]
