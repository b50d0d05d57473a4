"""Importing the municipalities' numbers of inhabitants from CSV: SCB's export and the plain
kommun,invånare file; every bad file is reported by line and writes nothing."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.finsam import services
from kansli.finsam.funding.population_csv import name_keys, read_populations
from kansli.finsam.models import MemberKind, Population

URL = reverse("finsam:population_import")


@pytest.fixture
def members(body):
    north = services.federation_create(actor=None, body=body, name="Norra", short_name="N")
    south = services.federation_create(actor=None, body=body, name="Södra", short_name="S")
    made = {}
    for federation, town in ((north, "Lindesberg"), (north, "Nora"), (south, "Kramfors")):
        made[town] = services.federation_member_add(
            actor=None, federation=federation, kind=MemberKind.MUNICIPALITY, name=town
        )
    services.federation_member_add(
        actor=None, federation=north, kind=MemberKind.REGION, name="Region Örebro län"
    )
    return made


def _read(body, text, encoding="utf-8"):
    return read_populations(viewer=None, body=body, data=text.encode(encoding))


def test_scb_export_with_title_lines_codes_and_latin_1(body, members):
    text = (
        '"Folkmängden efter region och år"\n'
        "\n"
        '"region";"2025"\n'
        '"1885 Lindesberg";23710\n'
        '"1884 Nora";10580\n'
        '"2215 Kramfors kommun";18000\n'
    )
    result = _read(body, text, "cp1252")
    assert result.problems == []
    assert result.encoding == "windows-1252"
    assert {m.name: n for m, n in result.inhabitants.items()} == {
        "Lindesberg": 23_710,
        "Nora": 10_580,
        "Kramfors": 18_000,
    }


def test_an_excel_workbook_as_scb_gives_it(body, members):
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed")
    workbook = openpyxl.Workbook()
    for row in (["Folkmängden efter region och år"], [], ["region", 2025]):
        workbook.active.append(row)
    for row in (["1885 Lindesberg", 23710], ["1884 Nora", 10580.0]):
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read_populations(viewer=None, body=body, data=buffer.getvalue())
    assert result.problems == [] and result.encoding == "xlsx"
    assert {m.name: n for m, n in result.inhabitants.items()} == {
        "Lindesberg": 23_710,
        "Nora": 10_580,
    }


def test_plain_file_with_genitive_names(body, members):
    result = _read(body, "kommun,invånare\nLindesbergs kommun,23710\nnora,10580\n")
    assert result.ok
    assert {m.name for m in result.inhabitants} == {"Lindesberg", "Nora"}


def test_a_member_stored_in_genitive_form(body):
    federation = services.federation_create(actor=None, body=body, name="Väst", short_name="V")
    services.federation_member_add(
        actor=None, federation=federation, kind=MemberKind.MUNICIPALITY, name="Lindesbergs kommun"
    )
    for name in ("1885 Lindesberg", "Lindesberg", "Lindesbergs kommun"):
        result = _read(body, f"kommun,invånare\n{name},23710\n")
        assert result.ok, (name, result.problems)


def test_line_numbers_count_only_line_breaks(body, members):
    result = _read(body, "kommun,invånare\nNora\x0c,10580\nOkänd,1\n")
    assert [p.line for p in result.problems] == [3]


def test_name_keys():
    assert name_keys("1885 Lindesberg") == ["lindesberg"]
    assert name_keys("Lindesbergs kommun") == ["lindesbergs", "lindesberg"]
    assert name_keys("Kramfors kommun") == ["kramfors", "kramfor"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "Filen är tom"),
        ("namn;antal;extra\nNora;1;2\n", 1, "Hittar ingen rubrikrad"),
        ("kommun,invånare\nNora,10 580\n", 2, "mellanslag, punkt eller komma"),
        ("kommun;invånare\nNora;10.580\n", 2, "mellanslag, punkt eller komma"),
        ("kommun,invånare\nNora,-5\n", 2, "negativt"),
        ("kommun,invånare\nNora,0\n", 2, "är 0"),
        ("kommun,invånare\nNora,\n", 2, "saknas"),
        ("kommun,invånare\nNora,många\n", 2, "inget invånarantal"),
        ("kommun,invånare\nNora,99999999\n", 2, "orimligt"),
        ("kommun,invånare\nÖrebro,150000\n", 2, "Ingen kommun som heter ”Örebro”"),
        ("kommun,invånare\nRegion Örebro län,300000\n", 2, "Ingen kommun"),
        ("kommun,invånare\nNora,10580\n1884 Nora,10581\n", 3, "finns redan på rad 2"),
        ("kommun,invånare\nNora,10580,1\n", 2, "2 värden"),
        ("kommun,invånare\n<script>alert(1)</script>,1\n", 2, "Ingen kommun"),
    ],
)
def test_bad_files(body, members, text, line, message):
    result = _read(body, text)
    assert result.inhabitants == {}
    assert any(p.line == line and message in p.message for p in result.problems), result.problems


def test_one_bad_line_gives_nothing(body, members):
    result = _read(body, "kommun,invånare\nLindesberg,23710\nNora,10 580\n")
    assert result.inhabitants == {} and len(result.problems) == 1


def test_header_only(body, members):
    result = _read(body, "kommun,invånare\n")
    assert [p.message for p in result.problems] == ["Filen har inga invånarantal."]


def _upload(client, text, on="2025-11-01", encoding="utf-8"):
    upload = SimpleUploadedFile("folkmangd.csv", text.encode(encoding), "text/csv")
    return client.post(URL, {"on": on, "file": upload})


def test_import_page_saves_and_names_the_missing(client, official_user, members):
    client.force_login(official_user)
    response = _upload(client, "kommun;invånare\n1885 Lindesberg;23710\nNora;10580\n")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Importen är klar" in page and '<td class="num">23\xa0710</td>' in page
    assert "Saknas i filen:</strong> Kramfors (S)" in page
    saved = Population.objects.get(member=members["Lindesberg"])
    assert (saved.on, saved.inhabitants) == (datetime.date(2025, 11, 1), 23_710)
    assert AuditEntry.objects.filter(action="population_record", actor=official_user).count() == 2


def test_import_page_bad_file_writes_nothing(client, official_user, members):
    client.force_login(official_user)
    response = _upload(client, "kommun,invånare\nLindesberg,23710\n<b>Göteborg</b>,1\n")
    page = response.content.decode()
    assert "Ingenting har skrivits" in page
    assert "&lt;b&gt;Göteborg&lt;/b&gt;" in page and "<b>Göteborg" not in page
    assert not Population.objects.exists()
    assert not AuditEntry.objects.filter(action="population_record").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"on": "2025-11-01"}, "Välj en CSV-fil"),
        ({"on": "1 november", "file": b"kommun,invanare\n"}, "ÅÅÅÅ-MM-DD"),
        ({"on": "2025-11-01", "file": b"x" * 1_000_001}, "för stor"),
    ],
)
def test_import_form_refuses(client, official_user, members, data, message):
    client.force_login(official_user)
    if "file" in data:
        data["file"] = SimpleUploadedFile("f.csv", data["file"], "text/csv")
    response = client.post(URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Population.objects.exists()


def test_only_finsam_managers_import(client, elected, members):
    client.force_login(elected)
    assert client.get(URL).status_code == 403
    assert _upload(client, "kommun,invånare\nNora,10580\n").status_code == 403
    assert not Population.objects.exists()
