"""The follow-up pages: the list with its data checks, entering a year in the form, importing
a CSV file; who may do what."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.finsam import services
from kansli.finsam.models import ExtraFunds, FollowUp

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def sofint(body):
    return services.federation_create(
        actor=None,
        body=body,
        name="Samordningsförbundet Norra Örebro län – SOFINT",
        short_name="SOFINT",
    )


def _counts():
    return (FollowUp.objects.count(), ExtraFunds.objects.count(), AuditEntry.objects.count())


def _edit_url(federation, year=2019):
    return reverse("finsam:follow_up_edit", args=[federation.pk, year])


def _post(**figures):
    data = {
        "member_contributions": "4000000",
        "cost_administration": "1373000",
        "participants": "73",
        "participants_new": "45",
        "participants_ended": "34",
        "reception_team_staff": "1,2",
        "equity": "-120000",
    }
    data.update(figures)
    return data


def test_entering_a_year_in_the_form(client, official_user, sofint):
    client.force_login(official_user)
    assert client.get(_edit_url(sofint)).status_code == 200
    data = _post(extra_1_source="Tillväxtverket", extra_1_granted="1100000", extra_1_used="783000")
    response = client.post(_edit_url(sofint), data)
    assert response.status_code == 302
    row = FollowUp.objects.get(federation=sofint, year=2019)
    assert (row.member_contributions, row.participants, row.equity) == (4_000_000, 73, -120_000)
    assert row.reception_team_staff == Decimal("1.20")
    assert row.population_16_64 is None  # left empty: unknown
    assert list(row.extra_funds.values_list("source", "granted", "used")) == [
        ("Tillväxtverket", 1_100_000, 783_000)
    ]
    page = client.get(reverse("finsam:follow_up_list")).content.decode()
    assert "4\xa0000\xa0000" in page
    assert "34,3&nbsp;%" in page  # administration share 1 373 000 / 4 000 000
    assert "Befolkning 16–64 år saknas." in page  # the data check, shown by the year
    # The form shows what was entered, digits only, and saving it again replaces it.
    form = client.get(_edit_url(sofint)).content.decode()
    assert 'value="4000000"' in form and 'value="1,20"' in form
    client.post(_edit_url(sofint), _post(participants="80"))
    row.refresh_from_db()
    assert row.participants == 80 and row.extra_funds.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "member_contributions",
            "4 000 000",
            "”4 000 000” har mellanslag, komma eller punkt som tusentalsavgränsare. Skriv bara "
            "siffror, till exempel 1250000.",
        ),
        ("participants", "sjuttiotre", "”sjuttiotre” är inget tal."),
        (
            "cost_administration",
            "-5",
            "Värdet -5 är negativt; bara eget kapital får vara negativt.",
        ),
        ("participants", "7,5", "”7,5” ska vara ett heltal (ett antal personer)."),
    ],
)
def test_bad_numbers_get_a_swedish_message_and_nothing_is_written(
    client, official_user, sofint, field, value, message
):
    client.force_login(official_user)
    before = _counts()
    response = client.post(_edit_url(sofint), _post(**{field: value}))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert _counts() == before


def test_extra_funds_need_a_source_and_a_source_only_once(client, official_user, sofint):
    client.force_login(official_user)
    before = _counts()
    data = _post(
        extra_1_granted="100",
        extra_1_used="50",
        extra_2_source="ESF",
        extra_2_granted="1",
        extra_2_used="1",
        extra_3_source="esf",
        extra_3_granted="2",
        extra_3_used="2",
    )
    errors = client.post(_edit_url(sofint), data).context["form"].errors
    assert errors["extra_1_source"] == ["Ange vem medlen kommer från."]
    assert errors["extra_3_source"] == ["esf står redan på en annan rad."]
    assert _counts() == before


def test_hostile_text_is_escaped(client, official_user, sofint):
    client.force_login(official_user)
    response = client.post(_edit_url(sofint), _post(participants=HOSTILE))
    page = response.content.decode()
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert FollowUp.objects.count() == 0
    # Accepted as a source of extra funds, it is shown as text.
    client.post(
        _edit_url(sofint), _post(extra_1_source=HOSTILE, extra_1_granted="1", extra_1_used="1")
    )
    assert ExtraFunds.objects.get().source == HOSTILE
    page = client.get(reverse("finsam:follow_up_list")).content.decode()
    assert HOSTILE not in page and "&lt;script&gt;" in page


def test_permissions(client, elected, official_user, sofint):
    list_url = reverse("finsam:follow_up_list")
    import_url = reverse("finsam:follow_up_import")
    assert client.get(list_url).status_code == 302  # to the login page
    client.force_login(elected)
    assert client.get(list_url).status_code == 200
    assert "För in ett år" not in client.get(list_url).content.decode()
    before = _counts()
    assert client.get(_edit_url(sofint)).status_code == 403
    assert client.post(_edit_url(sofint), _post()).status_code == 403
    assert client.get(import_url).status_code == 403
    upload = SimpleUploadedFile("u.csv", b"federation,year,participants\nSOFINT,2019,1\n")
    assert client.post(import_url, {"file": upload}).status_code == 403
    assert _counts() == before


def test_an_edit_page_that_does_not_exist(client, official_user, sofint):
    client.force_login(official_user)
    assert client.get(_edit_url(sofint, 1999)).status_code == 404
    assert (
        client.get(reverse("finsam:follow_up_edit", args=[sofint.pk + 99, 2019])).status_code == 404
    )


def test_the_add_form_leads_to_the_edit_page(client, official_user, sofint):
    client.force_login(official_user)
    list_url = reverse("finsam:follow_up_list")
    response = client.get(list_url, {"federation": sofint.pk, "year": "2019"})
    assert response.status_code == 302 and response.url == _edit_url(sofint)
    response = client.get(list_url, {"federation": sofint.pk, "year": "1850"})
    assert response.status_code == 200
    assert response.context["add_form"].errors["year"][0].startswith("Året 1850 ligger utanför")


def test_importing_a_file_in_the_browser(client, official_user, sofint):
    client.force_login(official_user)
    url = reverse("finsam:follow_up_import")
    page = client.get(url).content.decode()
    assert "<code>member_contributions</code></td><td>medlemsbidrag (kr)</td>" in page
    upload = SimpleUploadedFile(
        "uppfoljning.csv", b"federation;year;participants\nSOFINT;2019;73\n"
    )
    response = client.post(url, {"file": upload}, follow=True)
    page = response.content.decode()
    assert "Importen är klar: 1 uppföljning skrevs." in page
    assert "Samordningsförbundet Norra Örebro län – SOFINT 2019 (rad 2)" in page
    assert FollowUp.objects.get().participants == 73


def test_a_bad_file_in_the_browser_shows_its_lines(client, official_user, sofint):
    client.force_login(official_user)
    before = _counts()
    upload = SimpleUploadedFile(
        "uppfoljning.csv", b"federation;year;participants\nSOFINT;2019;1 250\n"
    )
    response = client.post(reverse("finsam:follow_up_import"), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ingenting har skrivits" in page
    assert "<td>2</td><td>Deltagare under året: ”1 250” har mellanslag" in page
    assert _counts() == before


def test_a_file_over_5_mb_in_the_browser(client, official_user, sofint):
    client.force_login(official_user)
    upload = SimpleUploadedFile("stor.csv", b"x" * (5 * 1024 * 1024 + 1))
    response = client.post(reverse("finsam:follow_up_import"), {"file": upload})
    assert response.status_code == 200
    # the import kit's one size message (core.tabular.limits), 1 MB = 1 000 000 bytes
    assert response.context["form"].errors["file"] == ["Filen är för stor (5,2 MB); högst 5 MB."]
