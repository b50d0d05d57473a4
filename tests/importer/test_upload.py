"""Import in the browser: the upload only stores the files and queues a job; the worker
reads them into a preview with its progress; confirming queues the import, which the worker
writes all at once — or refuses, in Swedish, writing nothing."""

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from kansli.importer import staging
from kansli.importer.models import ImportJob, JobStage, JobState
from kansli.meetings.models import Meeting
from kansli.memos.models import Memo
from kansli.people import services as people
from kansli.registry.models import Document

from .helpers import FILES
from .snapshot import row_counts

pytestmark = pytest.mark.django_db(transaction=True)

REGION_MEMO = "tjansteskrivelse_region.txt"


def work() -> None:
    """The worker, as `python -m kansli db_worker` runs it: every queued task, then stop."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def _upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    if data is None:
        data = (FILES / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="text/plain")


def _post(client, *files, encoding: str = ""):
    return client.post(reverse("importer:upload"), {"uploads": list(files), "encoding": encoding})


def _job(response) -> ImportJob:
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def _previewed(client, *files, encoding: str = ""):
    """Upload, let the worker read the files, and open the job's page."""
    job = _job(_post(client, *files, encoding=encoding))
    assert job.state == JobState.WAITING and job.preview is None
    work()
    return job, client.get(reverse("importer:job", args=[job.pk]))


def _staged() -> list[Path]:
    root = Path(settings.KANSLI_IMPORT_DIR)
    return sorted(root.iterdir()) if root.exists() else []


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture(autouse=True)
def _empty_import_dir():
    for folder in _staged():
        staging.unstage(folder.name)


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


def test_the_upload_stores_the_files_and_the_worker_reads_them(municipal_client):
    before = row_counts()
    files = ["kallelse_kommunstyrelsen.txt", "tjansteskrivelse.txt", "protokoll_namnd.txt"]
    response = _post(municipal_client, *[_upload(name) for name in files])
    job = _job(response)
    # The request read nothing: the job waits for the worker, the files wait on disk.
    assert (job.stage, job.state, job.done, job.total) == (JobStage.PREVIEW, JobState.WAITING, 0, 4)
    assert job.file_names == files and len(_staged()) == 1
    page = municipal_client.get(response.url).content.decode()
    assert "Granskar filerna" in page and "0 av 4 steg klara" in page
    assert "Uppdatera" in page and 'http-equiv="refresh"' in page and "hx-get" in page

    work()
    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.percent) == (JobState.DONE, 4, 4, 100)
    response = municipal_client.get(response.url)
    page = response.content.decode()
    assert "Granska importen" in page and "Importera</button>" in page
    assert 'http-equiv="refresh"' not in page
    assert "Kallelse: Kommunstyrelsen" in page and "KS 2018/124" in page
    assert "Föredragnings-PM:" in page and "SN 2019/37" in page
    assert "Protokoll: Tekniska nämnden 2021-10-05" in page and "TN 2021/88" in page
    # The trial import tells what would be created, then rolls back every row and file.
    assert any("KS 2018/124" in line for line in job.preview["created"]["shown"])
    assert row_counts() == before
    assert _media_files() == []
    assert len(_staged()) == 1


def test_the_upload_request_parses_nothing(secretary_client):
    """A file the reader would spend long on (8 MB, 300 000 numbered items) is stored and
    the request returns with the job waiting; no reading has happened."""
    heavy = b"Regionstyrelsen\n\n" + b"".join(
        b"%d. Rubrik nummer %d\n\n" % (n, n) for n in range(1, 300_000)
    )
    assert 8_000_000 < len(heavy) < 20 * 1024 * 1024
    job = _job(_post(secretary_client, _upload("stor.txt", heavy)))
    job.refresh_from_db()
    assert job.state == JobState.WAITING and job.preview is None and job.done == 0
    assert job.size == len(heavy)
    stored = [p for p in _staged()[0].iterdir() if p.name != "manifest.json"]
    assert [p.read_bytes() == heavy for p in stored] == [True]
    status = secretary_client.get(reverse("importer:status", args=[job.pk]))
    assert status.status_code == 200 and b"hx-trigger" in status.content


def test_the_progress_fragment_reloads_the_page_once_the_preview_is_ready(secretary_client):
    job = _job(_post(secretary_client, _upload(REGION_MEMO)))
    url = reverse("importer:status", args=[job.pk])
    assert "I kö" in secretary_client.get(url, headers={"HX-Request": "true"}).content.decode()
    work()
    response = secretary_client.get(url, headers={"HX-Request": "true"})
    assert response.headers["HX-Refresh"] == "true"


def test_confirm_imports_all_and_a_second_upload_finds_everything_there(secretary_client):
    job, response = _previewed(secretary_client, _upload(REGION_MEMO))
    would_create = job.preview["created"]["shown"] if job.refresh_from_db() is None else []
    assert would_create
    response = secretary_client.post(reverse("importer:confirm", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.stage, job.state) == (JobStage.IMPORT, JobState.WAITING)
    assert Memo.objects.count() == 0  # the request wrote nothing: the worker imports
    assert "Importerar" in secretary_client.get(response.url).content.decode()
    work()
    page = secretary_client.get(response.url).content.decode()
    assert "Importen är klar" in page
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.outcome["created"]["shown"] == would_create
    assert Memo.objects.filter(case__number="21RS1234").count() == 1
    assert _staged() == []  # the staged files are gone once imported

    # The same file again: nothing new, and importing writes nothing, not even an audit row.
    job, response = _previewed(secretary_client, _upload(REGION_MEMO))
    assert "Ingenting nytt" in response.content.decode()
    before = row_counts()
    secretary_client.post(reverse("importer:confirm", args=[job.pk]))
    work()
    assert row_counts() == before


def test_a_job_confirms_once_and_its_tasks_may_run_again(secretary_client):
    from kansli.importer.tasks import import_job_import, import_job_preview

    job, _ = _previewed(secretary_client, _upload(REGION_MEMO))
    secretary_client.post(reverse("importer:confirm", args=[job.pk]))
    secretary_client.post(reverse("importer:confirm", args=[job.pk]))  # a double click
    work()
    assert Memo.objects.count() == 1
    before = row_counts()
    # A worker that took the tasks up again (a lease ran out) finds the job done.
    import_job_preview.enqueue(str(job.pk))
    import_job_import.enqueue(str(job.pk))
    work()
    assert row_counts() == before
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.stage == JobStage.IMPORT


def test_an_import_left_running_by_a_dead_worker_is_imported_once_when_run_again(
    secretary_client,
):
    from kansli.importer.tasks import import_job_import

    job, _ = _previewed(secretary_client, _upload(REGION_MEMO))
    secretary_client.post(reverse("importer:confirm", args=[job.pk]))
    # The worker died mid-import: its transaction never committed, the job says "pågår".
    ImportJob.objects.filter(pk=job.pk).update(state=JobState.RUNNING)
    work()  # the queued task
    import_job_import.enqueue(str(job.pk))  # and the same task once more
    work()
    assert Memo.objects.count() == 1
    job.refresh_from_db()
    assert job.state == JobState.DONE and _staged() == []


def test_cancel_removes_the_job_and_its_files(secretary_client):
    job, _ = _previewed(secretary_client, _upload(REGION_MEMO))
    response = secretary_client.post(reverse("importer:cancel", args=[job.pk]), follow=True)
    assert "Importen avbröts" in response.content.decode()
    assert _staged() == [] and not ImportJob.objects.exists()
    assert Memo.objects.count() == 0


def test_a_job_cancelled_before_the_worker_reads_it_is_not_read(secretary_client):
    job = _job(_post(secretary_client, _upload(REGION_MEMO)))
    secretary_client.post(reverse("importer:cancel", args=[job.pk]))
    work()
    assert _staged() == [] and not ImportJob.objects.exists()


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
def test_bad_files_are_listed_with_their_lines_and_nothing_is_kept(
    secretary_client, name, data, message
):
    before = row_counts()
    job, response = _previewed(secretary_client, _upload(REGION_MEMO), _upload(name, data))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Filerna kan inte importeras" in page and message in page
    assert name in page
    assert "Importera</button>" not in page
    assert _staged() == [] and row_counts() == before
    # Confirming anyway is refused, in Swedish.
    response = secretary_client.post(reverse("importer:confirm", args=[job.pk]), follow=True)
    assert "har fel och kan inte importeras" in response.content.decode()
    work()
    assert row_counts() == before


def test_latin1_file_imports_when_the_encoding_is_chosen(secretary_client):
    text = (FILES / REGION_MEMO).read_text(encoding="utf-8").replace("–", "-")
    data = text.encode("latin-1")
    job, response = _previewed(secretary_client, _upload(REGION_MEMO, data))
    assert (
        "Latin-1" in response.content.decode()
        and "Importera</button>" not in response.content.decode()
    )
    job, response = _previewed(secretary_client, _upload(REGION_MEMO, data), encoding="latin-1")
    assert "Importera</button>" in response.content.decode()
    secretary_client.post(reverse("importer:confirm", args=[job.pk]))
    work()
    assert Memo.objects.get(case__number="21RS1234").title.startswith("Re")


def test_an_error_only_writing_finds_is_shown_before_confirming(secretary_client):
    # "Dnr KS 2018/124" follows no format of this region ({YY}{SERIES}{N}): the reading is
    # fine, the trial write is refused.
    before = row_counts()
    _, response = _previewed(secretary_client, _upload("kallelse_kommunstyrelsen.txt"))
    page = response.content.decode()
    assert "Filerna kan inte importeras" in page and "följer inte" in page
    assert "Importera</button>" not in page and row_counts() == before and _media_files() == []


def test_form_refuses_no_file_too_many_files_and_a_bad_encoding(secretary_client):
    response = _post(secretary_client)
    assert "Välj minst en fil" in response.content.decode()
    many = [_upload(f"{n}.txt", b"x") for n in range(51)]
    response = _post(secretary_client, *many)
    assert "Högst 50 filer" in response.content.decode()
    response = _post(secretary_client, _upload(REGION_MEMO), encoding="ebcdic")
    assert "Välj en av de teckenkodningar" in response.content.decode()
    assert _staged() == [] and not ImportJob.objects.exists()


def test_a_too_large_file_is_refused_while_it_streams_in(secretary_client):
    huge = _upload("stor.txt", b"a" * (20 * 1024 * 1024 + 1))
    response = _post(secretary_client, _upload(REGION_MEMO), huge)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Filen stor.txt är för stor: högst 20 MB per fil." in page
    assert "Välj minst en fil" not in page
    assert _staged() == [] and not ImportJob.objects.exists()


def test_files_too_large_together_are_refused_while_they_stream_in(secretary_client, settings):
    settings.KANSLI_MAX_UPLOAD_BYTES = 10_000
    response = _post(
        secretary_client, _upload("a.txt", b"a" * 6_000), _upload("b.txt", b"b" * 6_000)
    )
    assert response.status_code == 200
    assert "Filerna är för stora tillsammans" in response.content.decode()
    assert _staged() == [] and not ImportJob.objects.exists()


def test_a_request_declared_too_large_is_refused_before_its_first_file(secretary_client, settings):
    settings.KANSLI_MAX_UPLOAD_BYTES = 10_000
    response = _post(secretary_client, _upload("a.txt", b"a" * 1_200_000))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Filerna är för stora tillsammans (mer än 1 MB)" in page
    assert _staged() == [] and not ImportJob.objects.exists()


def test_hostile_names_and_text_are_shown_as_text(secretary_client):
    name = '<img src=x onerror="alert(1)">.txt'
    text = (
        (FILES / REGION_MEMO)
        .read_text(encoding="utf-8")
        .replace(
            "# Reviderade", "# <img src=x onerror=alert(1)> #set page(fill: red) Reviderade", 1
        )
    )
    _, response = _previewed(secretary_client, _upload(name, text.encode()))
    page = response.content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.txt" in page


def test_path_in_a_file_name_is_dropped(secretary_client):
    job, response = _previewed(secretary_client, _upload("../../etc/passwd.txt", b"\x00\x01"))
    assert "passwd.txt" in response.content.decode()
    job.refresh_from_db()
    assert job.file_names == ["passwd.txt"] and "../" not in json.dumps(job.preview)


def test_a_made_up_job_is_not_found(secretary_client):
    made_up = "5f0c6f3e-1111-4222-8333-944455556666"
    for name in ("importer:job", "importer:status"):
        assert secretary_client.get(reverse(name, args=[made_up])).status_code == 404
    for name in ("importer:confirm", "importer:cancel"):
        assert secretary_client.post(reverse(name, args=[made_up])).status_code == 404
    assert secretary_client.get("/importera/../../etc/").status_code == 404


def test_another_users_job_is_not_theirs(client, secretary, registrar, body, series):
    client.force_login(secretary)
    job = _job(_post(client, _upload(REGION_MEMO)))
    work()
    client.force_login(registrar)  # may import, but did not upload these files
    for name in ("importer:job", "importer:status"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    for name in ("importer:confirm", "importer:cancel"):
        assert client.post(reverse(name, args=[job.pk])).status_code == 404
    assert str(job.pk) not in client.get(reverse("importer:upload")).content.decode()
    work()
    assert Memo.objects.count() == 0 and len(_staged()) == 1
    job.refresh_from_db()
    assert job.stage == JobStage.PREVIEW


def test_staged_files_changed_on_disk_are_refused_by_the_worker(secretary_client):
    job = _job(_post(secretary_client, _upload(REGION_MEMO)))
    (Path(settings.KANSLI_IMPORT_DIR) / job.token / "0.txt").write_bytes(b"# Annat\n")
    work()
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "Uppladdningen finns inte längre" in job.error
    page = secretary_client.get(reverse("importer:job", args=[job.pk])).content.decode()
    assert "Granskningen misslyckades" in page and "Uppladdningen finns inte längre" in page
    assert _staged() == [] and Memo.objects.count() == 0


def test_staged_files_a_day_old_are_swept(secretary_client, secretary):
    job = _job(_post(secretary_client, _upload(REGION_MEMO)))
    manifest = Path(settings.KANSLI_IMPORT_DIR) / job.token / "manifest.json"
    data = json.loads(manifest.read_text())
    data["at"] = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=2)).isoformat()
    manifest.write_text(json.dumps(data))
    assert staging.staged(user_pk=secretary.pk, token=job.token) is None
    staging.sweep()
    assert not manifest.exists()


def test_a_user_who_lost_the_right_to_import_before_the_worker_ran(secretary_client, secretary):
    from kansli.core.roles import Role
    from kansli.importer.permissions import IMPORT

    job = _job(_post(secretary_client, _upload(REGION_MEMO)))
    secretary.groups.remove(*secretary.groups.filter(name=Role.SECRETARY.value))
    before = row_counts()
    work()
    job.refresh_from_db()
    assert job.state == JobState.FAILED and IMPORT.refusal in job.error
    assert row_counts() == before and _staged() == []


def test_only_secretaries_and_registrars_may_import(client, elected, official_user):
    url = reverse("importer:upload")
    assert client.get(url).status_code == 302  # to the login
    for user in (elected, official_user):
        client.force_login(user)
        assert client.get(url).status_code == 403
        response = client.post(url, {"uploads": [_upload(REGION_MEMO)]})
        assert response.status_code == 403
    assert Memo.objects.count() == 0 and _staged() == [] and not ImportJob.objects.exists()


def test_the_upload_page_lists_the_users_recent_jobs(secretary_client):
    job = _job(_post(secretary_client, _upload(REGION_MEMO)))
    page = secretary_client.get(reverse("importer:upload")).content.decode()
    assert reverse("importer:job", args=[job.pk]) in page and REGION_MEMO in page


def test_meeting_list_links_to_the_import(secretary_client):
    page = secretary_client.get(reverse("meetings:meeting_list")).content.decode()
    assert reverse("importer:upload") in page


def test_the_corpus_notice_through_the_form(secretary_client):
    from .helpers import corpus_notice

    data = corpus_notice()
    job, response = _previewed(secretary_client, _upload("kallelse.txt", data))
    page = response.content.decode()
    job.refresh_from_db()
    # The trial import registered the attachments with their files, then removed both.
    assert any(line.startswith("Handling") for line in job.preview["created"]["shown"])
    assert _media_files() == [] and Document.objects.count() == 0
    assert "Kallelse: Regionstyrelsen 2020-08-26" in page and "kl. 09:30–12:00" in page
    assert "(Ange vem/vilka" in page  # item 7's and 8's memo problems, as warnings
    secretary_client.post(reverse("importer:confirm", args=[job.pk]))
    work()
    assert Meeting.objects.get().items.count() == 13
    assert Document.objects.exclude(file="").count() >= 1
    assert all(Path(d.file.path).exists() for d in Document.objects.exclude(file=""))


def test_a_failure_while_writing_is_a_swedish_message_and_nothing_is_written(
    secretary_client, settings, tmp_path
):
    """The storage breaks under the import (MEDIA_ROOT is not a folder): the worker's
    failure is the job's message in Swedish, no rows are left, and no page is a 500."""
    from .helpers import corpus_notice

    data = corpus_notice()
    broken = tmp_path / "media"
    broken.write_text("inte en katalog")
    settings.MEDIA_ROOT = broken
    before = row_counts()
    job, response = _previewed(secretary_client, _upload("kallelse.txt", data))
    assert response.status_code == 200
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "internt fel i importen" in job.error
    page = response.content.decode()
    assert "Granskningen misslyckades" in page and "Ingenting har skrivits" in page
    assert row_counts() == before and _staged() == []
