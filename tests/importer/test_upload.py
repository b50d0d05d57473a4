"""Import in the browser's forms: upload, preview by a trial import, confirm — or refuse."""

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansli.importer import staging
from kansli.meetings.models import Meeting
from kansli.memos.models import Memo
from kansli.people import services as people
from kansli.registry.models import Document

from .helpers import FILES
from .snapshot import row_counts

REGION_MEMO = "tjansteskrivelse_region.txt"


def _upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    if data is None:
        data = (FILES / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="text/plain")


def _post(client, *files, encoding: str = ""):
    return client.post(reverse("importer:upload"), {"uploads": list(files), "encoding": encoding})


def _token(response) -> str:
    return response.context["token"]


def _staged() -> list[Path]:
    root = Path(settings.KANSLI_IMPORT_DIR)
    return sorted(root.iterdir()) if root.exists() else []


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def secretary_client(client, secretary, body, series):
    client.force_login(secretary)
    return client


@pytest.fixture
def municipal_client(client, secretary, db):
    """A municipality with "KS 2018/124" numbers, the only body (the one the UI imports to)."""
    people.body_create(
        actor=None, name="Exempelby kommun", case_number_format="{SERIES} {YYYY}/{N}"
    )
    client.force_login(secretary)
    return client


def test_preview_shows_what_the_files_hold_and_writes_nothing(municipal_client):
    before = row_counts()
    files = ["kallelse_kommunstyrelsen.txt", "tjansteskrivelse.txt", "protokoll_namnd.txt"]
    response = _post(municipal_client, *[_upload(name) for name in files])
    assert response.status_code == 200
    page = response.content.decode()
    assert "Granska importen" in page and "Importera</button>" in page
    assert "Kallelse: Kommunstyrelsen" in page and "KS 2018/124" in page
    assert "Föredragnings-PM:" in page and "SN 2019/37" in page
    assert "Protokoll: Tekniska nämnden 2021-10-05" in page and "TN 2021/88" in page
    # The trial import tells what would be created, then rolls back every row and file.
    created = response.context["result"].created
    assert any("KS 2018/124" in line for line in created)
    assert row_counts() == before
    assert _media_files() == []
    assert len(_staged()) == 1


def test_confirm_imports_all_and_a_second_upload_finds_everything_there(secretary_client):
    response = _post(secretary_client, _upload(REGION_MEMO))
    token = _token(response)
    would_create = response.context["result"].created
    response = secretary_client.post(reverse("importer:confirm"), {"token": token})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Importen är klar" in page
    assert response.context["result"].created == would_create
    assert Memo.objects.filter(case__number="21RS1234").count() == 1
    assert _staged() == []  # the staged files are gone once imported

    # The same file again: nothing new, and confirming writes nothing, not even an audit row.
    response = _post(secretary_client, _upload(REGION_MEMO))
    assert "Ingenting nytt" in response.content.decode()
    before = row_counts()
    secretary_client.post(reverse("importer:confirm"), {"token": _token(response)})
    assert row_counts() == before


def test_a_token_confirms_once(secretary_client):
    token = _token(_post(secretary_client, _upload(REGION_MEMO)))
    secretary_client.post(reverse("importer:confirm"), {"token": token})
    before = row_counts()
    response = secretary_client.post(reverse("importer:confirm"), {"token": token}, follow=True)
    assert "Uppladdningen finns inte längre" in response.content.decode()
    assert row_counts() == before


def test_cancel_removes_the_staged_files(secretary_client):
    token = _token(_post(secretary_client, _upload(REGION_MEMO)))
    response = secretary_client.post(reverse("importer:cancel"), {"token": token}, follow=True)
    assert "Importen avbröts" in response.content.decode()
    assert _staged() == []
    assert Memo.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.txt", b"", "Filen är tom"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binär"),
        ("kallelse.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "Filen är en PDF"),
        ("latin1.txt", "Socialnämnden\n\nSammanträdesdatum".encode("latin-1"), "inte UTF-8"),
        ("utf16.txt", "\ufeffSocialnämnden\n".encode("utf-16"), "UTF-16"),
        ("okand.txt", b"Detta \xc3\xa4r en anteckning utan kallelse eller protokoll.\n", "rad"),
    ],
)
def test_bad_files_are_listed_with_their_lines_and_nothing_is_staged(
    secretary_client, name, data, message
):
    before = row_counts()
    response = _post(secretary_client, _upload(REGION_MEMO), _upload(name, data))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Filerna kan inte importeras" in page and message in page
    assert name in page
    assert "Importera</button>" not in page and response.context["token"] == ""
    assert _staged() == [] and row_counts() == before


def test_latin1_file_imports_when_the_encoding_is_chosen(secretary_client):
    text = (FILES / REGION_MEMO).read_text(encoding="utf-8").replace("–", "-")
    data = text.encode("latin-1")
    response = _post(secretary_client, _upload(REGION_MEMO, data))
    assert "Latin-1" in response.content.decode() and response.context["token"] == ""
    response = _post(secretary_client, _upload(REGION_MEMO, data), encoding="latin-1")
    assert response.context["token"]
    secretary_client.post(reverse("importer:confirm"), {"token": _token(response)})
    assert Memo.objects.get(case__number="21RS1234").title.startswith("Re")


def test_an_error_only_writing_finds_is_shown_before_confirming(secretary_client):
    # "Dnr KS 2018/124" follows no format of this region ({YY}{SERIES}{N}): the reading is
    # fine, the trial write is refused.
    before = row_counts()
    response = _post(secretary_client, _upload("kallelse_kommunstyrelsen.txt"))
    page = response.content.decode()
    assert "Filerna kan inte importeras" in page and "följer inte" in page
    assert response.context["token"] == "" and row_counts() == before and _media_files() == []


def test_form_refuses_no_file_too_many_files_and_a_too_large_file(secretary_client):
    response = _post(secretary_client)
    assert "Välj minst en fil" in response.content.decode()
    many = [_upload(f"{n}.txt", b"x") for n in range(51)]
    response = _post(secretary_client, *many)
    assert "Högst 50 filer" in response.content.decode()
    huge = _upload("stor.txt", b"a" * (20 * 1024 * 1024 + 1))
    response = _post(secretary_client, huge)
    assert "för stor" in response.content.decode()
    response = _post(secretary_client, _upload(REGION_MEMO), encoding="ebcdic")
    assert "Välj en av de teckenkodningar" in response.content.decode()
    assert _staged() == []


def test_hostile_names_and_text_are_shown_as_text(secretary_client):
    name = '<img src=x onerror="alert(1)">.txt'
    text = (
        (FILES / REGION_MEMO)
        .read_text(encoding="utf-8")
        .replace(
            "# Reviderade", "# <img src=x onerror=alert(1)> #set page(fill: red) Reviderade", 1
        )
    )
    response = _post(secretary_client, _upload(name, text.encode()))
    page = response.content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.txt" in page


def test_path_in_a_file_name_is_dropped(secretary_client):
    response = _post(secretary_client, _upload("../../etc/passwd.txt", b"\x00\x01"))
    assert "passwd.txt" in response.content.decode()
    assert "../" not in response.context["result"].files[0].name


@pytest.mark.parametrize("token", ["", "../../etc", "x" * 32, "a/b"])
def test_a_made_up_token_finds_nothing(secretary_client, token):
    response = secretary_client.post(reverse("importer:confirm"), {"token": token}, follow=True)
    assert "Uppladdningen finns inte längre" in response.content.decode()


def test_another_users_staged_files_cannot_be_imported(client, secretary, registrar, body, series):
    client.force_login(secretary)
    token = _token(_post(client, _upload(REGION_MEMO)))
    client.force_login(registrar)
    response = client.post(reverse("importer:confirm"), {"token": token}, follow=True)
    assert "Uppladdningen finns inte längre" in response.content.decode()
    assert Memo.objects.count() == 0
    client.post(reverse("importer:cancel"), {"token": token})
    assert len(_staged()) == 1  # nor cancelled by them


def test_staged_files_changed_on_disk_or_a_day_old_are_refused(secretary_client, secretary):
    token = _token(_post(secretary_client, _upload(REGION_MEMO)))
    folder = Path(settings.KANSLI_IMPORT_DIR) / token
    (folder / "0.txt").write_bytes(b"# Annat\n")
    assert staging.staged(user_pk=secretary.pk, token=token) is None
    token = _token(_post(secretary_client, _upload(REGION_MEMO)))
    manifest = Path(settings.KANSLI_IMPORT_DIR) / token / "manifest.json"
    data = json.loads(manifest.read_text())
    data["at"] = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=2)).isoformat()
    manifest.write_text(json.dumps(data))
    assert staging.staged(user_pk=secretary.pk, token=token) is None
    staging.sweep()
    assert not manifest.exists()


def test_only_secretaries_and_registrars_may_import(client, elected, official_user):
    url = reverse("importer:upload")
    assert client.get(url).status_code == 302  # to the login
    for user in (elected, official_user):
        client.force_login(user)
        assert client.get(url).status_code == 403
        response = client.post(url, {"uploads": [_upload(REGION_MEMO)]})
        assert response.status_code == 403
    assert Memo.objects.count() == 0 and _staged() == []


def test_meeting_list_links_to_the_import(secretary_client):
    page = secretary_client.get(reverse("meetings:meeting_list")).content.decode()
    assert reverse("importer:upload") in page


def test_the_corpus_notice_through_the_form(secretary_client):
    from .helpers import corpus_notice

    data = corpus_notice()
    response = _post(secretary_client, _upload("kallelse.txt", data))
    page = response.content.decode()
    # The trial import registered the attachments with their files, then removed both.
    assert any(line.startswith("Handling") for line in response.context["result"].created)
    assert _media_files() == [] and Document.objects.count() == 0
    assert "Kallelse: Regionstyrelsen 2020-08-26" in page and "kl. 09:30–12:00" in page
    assert "(Ange vem/vilka" in page  # item 7's and 8's memo problems, as warnings
    secretary_client.post(reverse("importer:confirm"), {"token": _token(response)})
    assert Meeting.objects.get().items.count() == 13
    assert Document.objects.exclude(file="").count() >= 1
    assert all(Path(d.file.path).exists() for d in Document.objects.exclude(file=""))
