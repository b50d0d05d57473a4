"""The test module (tests/extension_app) joins every extension point from its own folder:
its menu link, start-page task and portal link show up for the right viewers, its notes are
searchable, and it is told when a registered document has been inspected."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from kansli.core.roles import Role
from kansli.publishing.indexing import reindex_all
from kansli.registry.models import DocumentKind
from kansli.registry.services import case_register, document_register
from kansli.registry.tasks import document_inspect
from kansli.search.selectors import search
from tests.conftest import _user
from tests.core.test_main_menu import menu

from . import extension
from .models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def switched_on(settings):
    settings.KANSLI_TEST_EXTENSION_SHOWN = True


def labels(client, url: str) -> list[str]:
    return [label for label, _, _ in menu(client.get(url).content.decode())]


def test_the_menu_link_is_shown_to_the_role_it_names_in_its_place(client, switched_on):
    client.force_login(_user("sekreterare", Role.SECRETARY))
    found = labels(client, reverse("search:search"))
    assert found[found.index("Uppföljning") + 1 : found.index("Finsam")] == ["Testmodul"]
    page = client.get(reverse("extension_app:index")).content.decode()
    assert [label for label, _, current in menu(page) if current] == ["Testmodul"]


def test_the_menu_link_is_not_shown_to_other_roles(client, switched_on):
    client.force_login(_user("ledamot", Role.ELECTED))
    assert "Testmodul" not in labels(client, reverse("search:search"))
    client.logout()
    assert "Testmodul" not in labels(client, reverse("search:search"))


def test_switched_off_the_menu_is_the_projects_own(client):
    client.force_login(_user("sekreterare", Role.SECRETARY))
    assert "Testmodul" not in labels(client, reverse("search:search"))


def test_the_start_page_shows_the_modules_task_to_the_role_it_names(client, body, switched_on):
    Note.objects.create(title="Utkast", public=False)
    Note.objects.create(title="Utkast två", public=False)
    client.force_login(_user("sekreterare", Role.SECRETARY))
    page = client.get(reverse("core:home")).content.decode()
    assert "2 anteckningar i testmodulen att granska" in page
    client.force_login(_user("ledamot", Role.ELECTED))
    page = client.get(reverse("core:home")).content.decode()
    assert "anteckningar i testmodulen" not in page


def test_the_portal_lists_the_modules_section_in_its_place(client, switched_on):
    page = client.get(reverse("publishing:home")).content.decode()
    assert page.index("Organ och ledamöter") < page.index("Testmodulens anteckningar")
    assert page.index("Testmodulens anteckningar") < page.index("Sök i publicerade handlingar")
    assert f'<a href="{reverse("extension_app:index")}">Testmodulens anteckningar</a>' in page


def test_a_public_note_is_searchable_and_leaves_the_index_when_it_is_not(client):
    note = Note.objects.create(title="Cykelvägar", text="Om cykelvägarnas underhåll", public=True)
    hits = search(viewer=None, query="cykelvägar").hits
    assert [(h.key, h.kind_label) for h in hits] == [(f"note:{note.pk}", "Anteckning")]
    assert search(viewer=None, query="cykelvägar", kinds=["anteckning"]).hits
    page = client.get(reverse("search:search"), {"q": "cykelvägar"}).content.decode()
    assert "Cykelvägar" in page and 'value="anteckning"' in page
    note.public = False
    note.save()
    assert search(viewer=None, query="cykelvägar").hits == []
    note.public = True
    note.save()
    note.delete()
    assert search(viewer=None, query="cykelvägar").hits == []


def test_a_rebuild_of_the_index_walks_the_modules_notes():
    Note.objects.create(title="Parkering", public=True)
    counts = reindex_all()
    assert counts["anteckningar"] == 1
    assert counts.keys() >= {"meetings", "cases", "documents", "minutes"}
    assert [h.title for h in search(viewer=None, query="parkering").hits] == ["Parkering"]


def test_the_reindex_command_counts_the_modules_notes():
    Note.objects.create(title="Parkering", public=True)
    out = StringIO()
    call_command("reindex", stdout=out)
    assert out.getvalue().strip() == (
        "Sökindexet är ombyggt: 0 sammanträden, 0 ärenden, 0 handlingar, 0 protokoll, "
        "1 anteckningar."
    )


def test_the_module_is_told_when_a_registered_document_has_been_inspected(body, series):
    case = case_register(actor=None, body=body, series=series, title="Remiss om vägar")
    document = document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=datetime.date(2020, 8, 10),
        description="Remissvar",
    )
    document_inspect.call(document.pk)
    assert (document.pk, True) in extension.inspected
