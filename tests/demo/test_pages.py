"""Every main page, for every demo role and for the public, on the demo data: no errors,
and nothing secret shown to those who may not see it."""

import pytest
from django.contrib import admin
from django.urls import reverse

from kansli.core.models import AuditEntry, User
from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.meetings.models import Meeting
from kansli.people.models import Organization, Person
from kansli.registry.models import Case, Document

SECRET = "Förteckning över behörigheter och inloggningsuppgifter"


@pytest.fixture
def demo(demo_data):
    """The demo, loaded once for the module (tests/conftest.py)."""


def _pages():
    case = Case.objects.get(number="20RS5739")
    return [
        reverse("core:home"),
        reverse("registry:case_list"),
        reverse("registry:case_list") + "?q=20RS5739",
        reverse("registry:case_detail", args=[case.pk]),
        reverse("meetings:meeting_list"),
        reverse(
            "meetings:meeting_detail", args=[Meeting.objects.get(date=DEMO_MEETING["date"]).pk]
        ),
        reverse("people:organization_list"),
        reverse(
            "people:organization_detail", args=[Organization.objects.get(name="Regionstyrelsen").pk]
        )
        + "?datum=2020-08-26",
        reverse("people:person_list"),
        reverse("people:person_detail", args=[Person.objects.first().pk]),
    ]


@pytest.mark.parametrize(
    ("username", "sees_secret"),
    [
        ("registrator", True),
        ("handlaggare", False),
        ("sekreterare", False),
        ("ledamot", False),
        ("justerare", False),
        ("admin", False),
    ],
)
def test_every_page_for_every_role(client, demo, username, sees_secret):
    client.force_login(User.objects.get(username=username))
    for url in _pages():
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(_pages()[3]).content.decode()
    assert (SECRET in page) is sees_secret
    secret = Document.objects.get(description__startswith=SECRET)
    download = client.get(reverse("registry:document_file", args=[secret.pk]))
    assert download.status_code == (200 if sees_secret else 404)


def test_meeting_page_shows_the_agenda_with_proposals(client, demo):
    client.force_login(User.objects.get(username="ledamot"))
    page = client.get(
        reverse("meetings:meeting_detail", args=[Meeting.objects.get(date=DEMO_MEETING["date"]).pk])
    )
    text = page.content.decode()
    assert "13. Regiondirektörens information" in text
    assert "att remittera motionen till hälso- och sjukvårdsnämnden, samt" in text
    assert "Hörsal L1, Örebro universitet" in text


def test_public_pages_and_login_redirects(client, demo):
    for url in _pages():
        response = client.get(url)
        assert response.status_code in (200, 302), url
        if response.status_code == 302:
            assert "/logga-in/" in response["Location"]


def test_admin_pages_for_the_administrator(client, demo):
    client.force_login(User.objects.get(username="admin"))
    assert client.get(reverse("admin:index")).status_code == 200
    for model in admin.site._registry:
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        response = client.get(url)
        if model is AuditEntry:  # the whole log is for the registry only
            assert response.status_code == 403
            continue
        assert response.status_code == 200, url
        first = model.objects.first()
        if first is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk])
            assert client.get(change).status_code == 200, change
    documents = client.get(reverse("admin:registry_document_changelist")).content.decode()
    assert SECRET not in documents  # the administrator is not the registry


def test_admin_edit_of_reference_data_is_audited(client, demo):
    from kansli.people.models import Party

    client.force_login(User.objects.get(username="admin"))
    party = Party.objects.get(code="MP")
    response = client.post(
        reverse("admin:people_party_change", args=[party.pk]),
        {"code": "MP", "name": "Miljöpartiet"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="admin_change")
    assert entry.actor.username == "admin" and "name" in entry.changes["fields"]
