"""The body's default series (Series.is_default): one per body, chosen in the admin, offered
first wherever a series is chosen and used wherever none is given."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.people.services import body_create
from kansli.registry import services
from kansli.registry.forms import CaseRegisterForm
from kansli.registry.models import Series
from kansli.registry.selectors import default_series, default_series_or_none

NO_DEFAULT = "Ingen diarieserie är vald som standard för"


@pytest.fixture
def older(body, series):
    """A legacy series whose code sorts before RS, as the demo's "OLL"."""
    return services.series_create(
        actor=None, body=body, code="OLL", name="Örebro läns landsting (äldre serie)"
    )


def test_the_first_series_of_a_body_is_its_default_and_a_later_one_is_not(body, series, older):
    series.refresh_from_db()
    assert series.is_default and not older.is_default
    assert default_series(body) == series


def test_choosing_another_default_moves_it_and_is_audited(body, series, older, registrar):
    services.series_set_default(actor=registrar, series=older)
    series.refresh_from_db()
    older.refresh_from_db()
    assert older.is_default and not series.is_default
    assert default_series(body) == older
    entry = AuditEntry.objects.get(action="series_set_default", actor=registrar)
    assert "i stället för RS" in entry.summary


def test_a_new_series_made_default_takes_over(body, series):
    new = services.series_create(actor=None, body=body, code="KS", name="KS", is_default=True)
    series.refresh_from_db()
    assert new.is_default and not series.is_default


def test_choosing_the_default_again_writes_nothing(body, series, registrar):
    services.series_set_default(actor=registrar, series=series)
    assert not AuditEntry.objects.filter(action="series_set_default", actor=registrar).exists()


def test_only_registrars_and_administrators_choose_the_default(series, older, elected):
    with pytest.raises(PermissionDenied):
        services.series_set_default(actor=elected, series=older)
    older.refresh_from_db()
    assert not older.is_default


def test_the_database_keeps_one_default_per_body(body, series, older):
    older.is_default = True
    with pytest.raises(ValidationError, match="redan en standardserie"):
        older.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Series.objects.filter(pk=older.pk).update(is_default=True)
    other = body_create(actor=None, name="Kommunen", case_number_format="{SERIES} {YYYY}/{N}")
    assert services.series_create(actor=None, body=other, code="KS", name="KS").is_default


def test_a_body_without_a_default_gets_a_swedish_error(body, series, older):
    Series.objects.filter(body=body).update(is_default=False)  # as after the migration
    assert default_series_or_none(body) is None
    with pytest.raises(ValidationError, match=NO_DEFAULT):
        default_series(body)


def test_the_migration_marks_the_only_series_of_a_body(body, series, older):
    single = body_create(actor=None, name="Kommunen", case_number_format="{SERIES} {YYYY}/{N}")
    only = services.series_create(actor=None, body=single, code="KS", name="KS")
    Series.objects.update(is_default=False)
    migration = importlib.import_module("kansli.registry.migrations.0004_series_default_of_single")
    migration.mark_single_series(apps, None)
    assert Series.objects.get(pk=only.pk).is_default
    # a body with several series chooses its own
    assert not Series.objects.filter(body=body, is_default=True).exists()


def test_the_case_form_offers_the_default_not_the_first_in_the_alphabet(body, series, older):
    form = CaseRegisterForm(body=body)
    assert form["series"].value() == series.pk
    assert [s.code for s in form.fields["series"].queryset] == ["OLL", "RS"]


def test_the_case_register_page_has_the_default_chosen(client, registrar, series, older):
    client.force_login(registrar)
    page = client.get(reverse("registry:case_register")).content.decode()
    assert f'<option value="{series.pk}" selected>' in page
    assert f'<option value="{older.pk}">' in page


@pytest.fixture
def admin_client(client, administrator):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    return client


def test_the_admin_switches_the_default_in_one_step(admin_client, administrator, series, older):
    response = admin_client.post(
        reverse("admin:registry_series_change", args=[older.pk]),
        {"code": "OLL", "name": older.name, "make_default": "on"},
    )
    assert response.status_code == 302
    older.refresh_from_db()
    series.refresh_from_db()
    assert older.is_default and not series.is_default
    assert AuditEntry.objects.filter(action="series_set_default", actor=administrator).exists()


def test_the_admin_refuses_to_leave_a_body_without_default(admin_client, series, older):
    response = admin_client.post(
        reverse("admin:registry_series_change", args=[series.pk]),
        {"code": "RS", "name": "Ny benämning"},
    )
    assert response.status_code == 200
    assert "Välj en annan serie som standard i stället" in response.content.decode()
    series.refresh_from_db()
    assert series.is_default and series.name == "Regionstyrelsen"


def test_the_admin_lists_which_series_is_default(admin_client, series, older):
    page = admin_client.get(reverse("admin:registry_series_changelist")).content.decode()
    assert "Standardserie" in page
