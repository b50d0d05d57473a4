"""`python -m kansli restore DIR`: put a backup back, all of it or nothing.

Checked before anything is changed: the manifest, the database file's hash and integrity, and
(copied into a staging directory beside MEDIA_ROOT) every file's hash. A database that already
has tables, or a MEDIA_ROOT that already has files, is replaced only with force=True. Then the
database is written through SQLite's backup API (one transaction) and the staged files take
MEDIA_ROOT's place. Stop the web server and the worker first.
"""

import os
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
    read_manifest,
    sha256_file,
)

_NOTHING = "Inget har återlästs."


def backup_restore(directory: Path, *, force: bool = False, using: str = "default") -> Manifest:
    connection = connections[using]
    if connection.vendor != "sqlite":
        raise BackupError(POSTGRESQL)
    directory = Path(directory)
    manifest = read_manifest(directory)
    database = directory / DATABASE_NAME
    _check_database(database, manifest)
    listed = set(manifest.media)
    unlisted = [name for name in files_under(directory / MEDIA_DIR) if name not in listed]
    if unlisted:
        raise BackupError(
            f"Filen {MEDIA_DIR}/{unlisted[0]} finns i säkerhetskopian men inte i dess "
            f"förteckning; säkerhetskopian har ändrats. {_NOTHING}"
        )

    target = Path(connection.settings_dict["NAME"])
    media_root = Path(settings.MEDIA_ROOT)
    connection.close()
    if not force:
        _refuse_to_overwrite(target, media_root)

    staging = media_root.with_name(f"{media_root.name}.restoring-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for name, expected in manifest.media.items():
            source = directory / MEDIA_DIR / name
            if not source.is_file():
                raise BackupError(f"Filen {MEDIA_DIR}/{name} saknas i säkerhetskopian. {_NOTHING}")
            if copy_hashed(source, staging / name) != expected:
                raise BackupError(
                    f"Filen {MEDIA_DIR}/{name} har ändrats sedan säkerhetskopian togs "
                    f"(kontrollsumman stämmer inte). {_NOTHING}"
                )
        staging.mkdir(parents=True, exist_ok=True)
        if connection.is_in_memory_db():  # type: ignore[attr-defined]
            raise BackupError(f"Databasen finns bara i minnet; den kan inte återläsas. {_NOTHING}")
        target.parent.mkdir(parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as source_db,
            closing(sqlite3.connect(target, timeout=30)) as target_db,
        ):
            source_db.backup(target_db)
            target_db.execute("PRAGMA journal_mode=WAL")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replaced = media_root.with_name(f"{media_root.name}.replaced-{os.getpid()}")
    if media_root.exists():
        media_root.rename(replaced)
    staging.rename(media_root)
    shutil.rmtree(replaced, ignore_errors=True)
    return manifest


def _check_database(database: Path, manifest: Manifest) -> None:
    if not database.is_file():
        raise BackupError(f"Databasfilen {DATABASE_NAME} saknas i säkerhetskopian. {_NOTHING}")
    if sha256_file(database) != manifest.database_sha256:
        raise BackupError(
            f"Databasfilen {DATABASE_NAME} har ändrats sedan säkerhetskopian togs "
            f"(kontrollsumman stämmer inte). {_NOTHING}"
        )
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        counts = sqlite.row_counts(db)
    if check != "ok" or counts != manifest.tables:
        raise BackupError(
            f"Databasfilen {DATABASE_NAME} i säkerhetskopian är skadad eller stämmer inte med "
            f"förteckningen. {_NOTHING}"
        )


def _refuse_to_overwrite(target: Path, media_root: Path) -> None:
    if target.is_file() and target.stat().st_size:
        with closing(sqlite3.connect(target, timeout=30)) as db:
            in_use = sqlite.tables(db)
        if in_use:
            raise BackupError(
                f"Databasen {target} innehåller redan {len(in_use)} tabeller. Återläsningen "
                f"skulle skriva över den: lägg till --force om det är meningen. {_NOTHING}"
            )
    if files_under(media_root):
        raise BackupError(
            f"Katalogen {media_root} innehåller redan filer. Återläsningen skulle ersätta dem: "
            f"lägg till --force om det är meningen. {_NOTHING}"
        )
