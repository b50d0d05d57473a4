"""Regressions found in review: secret text in printed objects, admin and start page; search
with NUL; numbering without series; impossible years; bad formats and series codes."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.core.roles import Role, grant_role
from kansli.meetings.services import agenda_item_add, meeting_create
from kansli.people.models import Body
from kansli.people.services import body_create, official_create
from kansli.registry import services
from kansli.registry.models import Case, DocumentKind, Series, Visibility

from ..factories import UserFactory
from .helpers import pdf_bytes

TODAY = datetime.date(2020, 8, 26)
TITLE = "Tvist om namngiven patient"


@pytest.fixture
def secret_case(registrar, official_user, body, series):
    case = services.case_register(
        actor=registrar,
        body=body,
        series=series,
        title=TITLE,
        secrecy="OSL 25 kap. 1 §",
        official=official_user.official,
        today=TODAY,
    )
    services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=TODAY,
        description="Journalkopia för patienten",
        visibility=Visibility.SECRET,
        secrecy="OSL 25 kap. 1 §",
        today=TODAY,
    )
    return case


def test_printed_objects_and_audit_rows_hold_no_secret_text(secret_case):
    assert str(secret_case) == secret_case.number
    assert str(secret_case.documents.get()) == f"{secret_case.number}-1"
    for entry in AuditEntry.objects.all():
        assert TITLE not in entry.object_repr + entry.summary
        assert "Journalkopia" not in entry.object_repr + entry.summary


def test_admin_shows_no_secret_case_to_the_administrator(client, administrator, secret_case):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    for url in (
        reverse("admin:registry_case_changelist"),
        reverse("admin:registry_case_changelist") + "?q=patient",
        reverse("admin:registry_document_changelist"),
    ):
        assert TITLE not in client.get(url).content.decode()
    change = client.get(reverse("admin:registry_case_change", args=[secret_case.pk]))
    assert change.status_code in (302, 404)


def test_start_page_masks_secret_titles_for_a_linked_non_staff_user(client, body, secret_case):
    user = UserFactory(username="politiker")
    grant_role(user, Role.ELECTED)
    secret_case.official.user = None
    secret_case.official.save()
    official = official_create(actor=None, body=body, name="Dubbelroll", user=user)
    Case.objects.filter(pk=secret_case.pk).update(official=official)
    client.force_login(user)
    page = client.get(reverse("core:home")).content.decode()
    assert secret_case.number in page and TITLE not in page


@pytest.mark.parametrize("url", ["registry:case_list", "people:person_list"])
def test_nul_in_search_is_harmless(client, elected, url):
    client.force_login(elected)
    assert client.get(reverse(url), {"q": "a\x00b"}).status_code == 200


def test_format_without_series_numbers_per_body_and_year(registrar, db):
    municipality = body_create(actor=None, name="Exempel kommun", case_number_format="{YYYY}/{N}")
    a = services.series_create(actor=None, body=municipality, code="KS", name="Kommunstyrelsen")
    b = services.series_create(actor=None, body=municipality, code="BN", name="Byggnadsnämnden")
    numbers = [
        services.case_register(
            actor=registrar, body=municipality, series=s, title="x", today=TODAY
        ).number
        for s in (a, b, a)
    ]
    assert numbers == ["2020/1", "2020/2", "2020/3"]


def test_a_two_digit_year_after_this_year_is_refused(registrar, body, series):
    with pytest.raises(ValidationError, match="inte möjligt"):
        services.case_register(
            actor=registrar,
            body=body,
            series=series,
            title="x",
            number="20RS99",
            today=datetime.date(2019, 1, 1),
        )
    old = services.case_register(
        actor=registrar,
        body=body,
        series=series,
        title="x",
        number="99RS5",
        today=datetime.date(2019, 1, 1),
    )
    assert old.year == 1999


def test_impossible_four_digit_years_are_refused(registrar, db):
    municipality = body_create(
        actor=None, name="Kommunen", case_number_format="{SERIES} {YYYY}/{N}"
    )
    ks = services.series_create(actor=None, body=municipality, code="KS", name="KS")
    for number in ("KS 2999/5", "KS 0000/5", "KS 1899/5"):
        with pytest.raises(ValidationError, match="inte möjligt"):
            services.case_register(
                actor=registrar, body=municipality, series=ks, title="x", number=number, today=TODAY
            )
    assert not Case.objects.exists()


def test_bad_stored_format_gives_a_swedish_error_not_a_crash(registrar, body, series):
    with pytest.raises(ValidationError, match="Mönstret"):
        Body(name="Ny", case_number_format="{YY}{N}{N}").full_clean()
    Body.objects.filter(pk=body.pk).update(case_number_format="{YY}{N}{N}")
    body.refresh_from_db()
    with pytest.raises(ValidationError, match="diarienummerformat är felaktigt"):
        services.case_register(actor=registrar, body=body, series=series, title="x", today=TODAY)


def test_series_codes_are_upper_case_letters(body):
    assert services.series_create(actor=None, body=body, code=" oll ", name="Äldre").code == "OLL"
    with pytest.raises(ValidationError, match="versaler"):
        Series(body=body, code="R1", name="x").full_clean()


def test_secret_case_cannot_be_a_public_agenda_item(secretary, board, secret_case):
    meeting = meeting_create(
        actor=secretary,
        organization=board,
        date=TODAY,
        start_time=datetime.time(9, 30),
        place="Hörsal L1",
    )
    with pytest.raises(ValidationError, match="omfattas av sekretess"):
        agenda_item_add(actor=secretary, meeting=meeting, title="Tvist", case=secret_case)
    item = agenda_item_add(
        actor=secretary, meeting=meeting, title="Tvist", case=secret_case, is_public=False
    )
    assert not item.is_public


def test_file_size_is_stored_when_the_caller_does_not_give_it(registrar, body, series):
    case = services.case_register(actor=registrar, body=body, series=series, title="x", today=TODAY)
    data = pdf_bytes()
    document = services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=TODAY,
        description="x",
        file=io.BytesIO(data),
        file_name="x.pdf",
        today=TODAY,
    )
    assert document.size == len(data)
