"""`python -m kansli backup` / `restore` on SQLite.

The main test runs the real commands as processes on a file database (the demo's settings
under a temporary var dir) while another process registers documents with files through the
registry's service, as the web server would; the backup is restored into a fresh var dir and
compared, table by table and file by file, with its manifest. Bad backups are refused with a
Swedish message and change nothing."""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRES = bool(os.environ.get("KANSLI_TEST_DATABASE_URL"))
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="backup and restore are for SQLite")

WRITER = """
import io, sys, time
from pathlib import Path
import django
django.setup()
from django.utils import timezone
from kansli.people import services as people
from kansli.registry import services as registry

body = people.body_create(actor=None, name="Region Örebro län", short_name="Region Örebro",
                          case_number_format="{YY}{SERIES}{N}", party_order="S,M")
series = registry.series_create(actor=None, body=body, code="RS", name="Regionstyrelsen")
case = registry.case_register(actor=None, body=body, series=series, title="Säkerhetskopior")
stop = Path(sys.argv[1])
n = 0
while not stop.exists() and n < 20000:
    n += 1
    registry.document_register(
        actor=None, case=case, kind="inkommen", date=timezone.localdate(),
        description=f"Skrivelse {n}", file=io.BytesIO(f"Skrivelse {n}\\n".encode() * n),
        file_name=f"skrivelse-{n}.txt")
    print(n, time.time(), flush=True)
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def row_counts(database: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        names = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: db.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}  # noqa: S608


def media_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): sha256(p) for p in sorted(root.rglob("*")) if p.is_file()
    }


def environment(var: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("KANSLI_") and k != "DJANGO_SETTINGS_MODULE"
    }
    return dict(env, DJANGO_SETTINGS_MODULE="kansli.config.settings.demo", KANSLI_VAR_DIR=str(var))


def kansli(var: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kansli", *args],
        cwd=ROOT,
        env=environment(var),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def migrated(tmp_path, django_db_setup, django_db_blocker) -> Path:
    """A var dir with a migrated SQLite file: the test database (built by the migrations at
    the start of the session) copied out with SQLite's backup API, faster than migrating."""
    var = tmp_path / "source"
    var.mkdir()
    with django_db_blocker.unblock():
        connection.ensure_connection()
        with closing(sqlite3.connect(var / "kansli.sqlite3")) as target:
            connection.connection.backup(target)
    return var


@sqlite_only
@pytest.mark.real_clock  # the writer process stamps its commits with the real clock
def test_backup_during_writes_restores_identically(tmp_path, migrated):
    backup = tmp_path / "backup"
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(stop)],
        cwd=ROOT,
        env=environment(migrated),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    commits: list[tuple[int, float]] = []
    try:

        def written_until(count: int) -> None:
            while not commits or commits[-1][0] < count:
                line = writer.stdout.readline()  # type: ignore[union-attr]
                assert line, writer.stderr.read()  # type: ignore[union-attr]
                n, at = line.split()
                commits.append((int(n), float(at)))

        written_until(20)
        started = time.time()
        done = kansli(migrated, "backup", str(backup))
        finished = time.time()
        assert done.returncode == 0, done.stderr
        assert "Säkerhetskopian är klar" in done.stdout
        manifest = json.loads((backup / "kansli-backup.json").read_text())
        in_backup = manifest["tables"]["registry_document"]
        written_until(in_backup + 5)  # the writer went on after the snapshot
    finally:
        stop.touch()
        writer.communicate(timeout=60)
    assert any(started < at < finished for _, at in commits), "writes during the backup"
    assert 20 <= in_backup < commits[-1][0]

    # The snapshot and the files agree: every document in it has its file, with its hash.
    assert manifest["missing_media"] == []
    with closing(sqlite3.connect(backup / "db.sqlite3")) as db:
        documents = db.execute("SELECT file, sha256 FROM registry_document").fetchall()
    assert len(documents) == in_backup
    assert all(manifest["media"][name] == digest for name, digest in documents)
    assert manifest["tables"] == row_counts(backup / "db.sqlite3")

    # Restored into a fresh var dir: the same rows per table, the same files.
    fresh = tmp_path / "fresh"
    done = kansli(fresh, "restore", str(backup))
    assert done.returncode == 0, done.stderr
    assert "alla kontrollsummor stämde" in done.stdout
    assert row_counts(fresh / "kansli.sqlite3") == manifest["tables"]
    assert media_hashes(fresh / "media") == manifest["media"]
    with closing(sqlite3.connect(fresh / "kansli.sqlite3")) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    # Again, over it: refused without --force.
    done = kansli(fresh, "restore", str(backup))
    assert done.returncode != 0
    assert "--force" in done.stderr and "Inget har återlästs" in done.stderr

    # A tampered file: refused even with --force, and the installation is as it was.
    tampered = tmp_path / "tampered"
    shutil.copytree(backup, tampered)
    victim = tampered / "media" / documents[0][0]
    victim.write_bytes(victim.read_bytes().replace(b"Skrivelse", b"Skrivelze", 1))
    done = kansli(fresh, "restore", str(tampered), "--force")
    assert done.returncode != 0
    assert f"Filen media/{documents[0][0]} har ändrats" in done.stderr
    assert "kontrollsumman stämmer inte" in done.stderr
    assert row_counts(fresh / "kansli.sqlite3") == manifest["tables"]
    assert media_hashes(fresh / "media") == manifest["media"]
    assert not [p for p in fresh.iterdir() if ".restoring-" in p.name or ".replaced-" in p.name]


@pytest.fixture
def small_backup(tmp_path, transactional_db, registrar, series) -> Path:
    """A backup of the test database with one document and its file (in-process; committed,
    as the backup reads what is committed)."""
    from kansli.registry import services as registry

    case = registry.case_register(
        actor=registrar, body=series.body, series=series, title="Säkerhetskopior"
    )
    registry.document_register(
        actor=registrar,
        case=case,
        kind="inkommen",
        date=case.registered_on,
        description="Skrivelse",
        file=io.BytesIO(b"Skrivelse\n"),
        file_name="skrivelse.txt",
    )
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    return tmp_path / "backup"


def refused(directory: Path) -> str:
    with pytest.raises(CommandError) as error:
        call_command("restore", str(directory), "--force")
    return str(error.value)


@sqlite_only
def test_not_a_backup(tmp_path, small_backup):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "är ingen säkerhetskopia från Kansli" in refused(empty)
    assert "är ingen säkerhetskopia från Kansli" in refused(tmp_path / "finns-inte")
    garbage = tmp_path / "garbage"
    shutil.copytree(small_backup, garbage)
    (garbage / "kansli-backup.json").write_text('{"format": "något annat"}')
    assert "är ingen säkerhetskopia från Kansli" in refused(garbage)


@sqlite_only
def test_tampered_backups_are_refused(tmp_path, small_backup):
    manifest = json.loads((small_backup / "kansli-backup.json").read_text())
    assert manifest["tables"]["registry_document"] == 1 and len(manifest["media"]) == 1

    database = tmp_path / "database"
    shutil.copytree(small_backup, database)
    with closing(sqlite3.connect(database / "db.sqlite3")) as db, db:
        db.execute("UPDATE registry_document SET description = 'Ändrad'")
    assert "Databasfilen db.sqlite3 har ändrats" in refused(database)

    file = tmp_path / "file"
    shutil.copytree(small_backup, file)
    (name,) = manifest["media"]
    (file / "media" / name).write_bytes("Annat innehåll\n".encode())
    message = refused(file)
    # Refused at the file: verification comes before anything is written (the test database
    # lives in memory, so a backup that passed would be refused only after it).
    assert f"Filen media/{name} har ändrats" in message and "Inget har återlästs" in message

    extra = tmp_path / "extra"
    shutil.copytree(small_backup, extra)
    (extra / "media" / "smuggel.txt").write_text("okänd\n")
    assert "finns i säkerhetskopian men inte i dess förteckning" in refused(extra)

    missing = tmp_path / "missing"
    shutil.copytree(small_backup, missing)
    (missing / "media" / name).unlink()
    assert f"Filen media/{name} saknas" in refused(missing)


@sqlite_only
def test_backup_needs_a_new_or_empty_directory(tmp_path, small_backup, db):
    with pytest.raises(CommandError, match="finns redan och är inte en tom katalog"):
        call_command("backup", str(small_backup))
    assert json.loads((small_backup / "kansli-backup.json").read_text())


@pytest.mark.skipif(not ON_POSTGRES, reason="the PostgreSQL message")
def test_postgresql_points_to_pg_dump(tmp_path, db):
    for command in ("backup", "restore"):
        with pytest.raises(CommandError, match="pg_dump"):
            call_command(command, str(tmp_path / "backup"))
    assert not (tmp_path / "backup").exists()
