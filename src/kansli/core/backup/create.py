"""`python -m kansli backup DIR`: a consistent copy of a running SQLite installation.

The database is copied first, with SQLite's online backup API in one step: a snapshot as of
one moment, while the web and the worker go on writing (WAL mode lets them). The uploaded
files are copied after it; every file a row of the snapshot names was written before its row
was committed, so it is there to copy. A file added meanwhile comes along unreferenced; a
file the snapshot names but that is gone (removed meanwhile, or missing before) is listed in
the manifest as missing.
"""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connections

from . import sqlite
from .manifest import (
    DATABASE_NAME,
    MEDIA_DIR,
    POSTGRESQL,
    BackupError,
    Manifest,
    copy_hashed,
    files_under,
    sha256_file,
    write_manifest,
)


def backup_create(directory: Path, *, using: str = "default") -> Manifest:
    """Back up the database `using` and MEDIA_ROOT into directory (new or empty)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        raise BackupError(POSTGRESQL)
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(
            f"{directory} finns redan och är inte en tom katalog. Ange en ny eller tom katalog "
            "för säkerhetskopian."
        )
    made = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    try:
        manifest = _write(connection, directory)
    except BaseException:
        # Never leave a half backup behind that could be taken for a whole one.
        if made:
            shutil.rmtree(directory, ignore_errors=True)
        else:
            for child in directory.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        raise
    return manifest


def _write(connection, directory: Path) -> Manifest:  # type: ignore[no-untyped-def]
    database = directory / DATABASE_NAME
    connection.ensure_connection()
    with closing(sqlite3.connect(database)) as target:
        connection.connection.backup(target)  # pages=-1: the whole database in one step
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        tables = sqlite.row_counts(target)
        referenced = sqlite.referenced_files(target)
    media_root = Path(settings.MEDIA_ROOT)
    media: dict[str, str] = {}
    for name in files_under(media_root):
        try:
            media[name] = copy_hashed(media_root / name, directory / MEDIA_DIR / name)
        except FileNotFoundError:
            continue  # removed since it was listed: not part of the data any more
    manifest = Manifest.now(
        database_sha256=sha256_file(database),
        database_size=database.stat().st_size,
        tables=tables,
        media=media,
        missing_media=sorted(referenced - media.keys()),
    )
    write_manifest(directory, manifest)
    return manifest
