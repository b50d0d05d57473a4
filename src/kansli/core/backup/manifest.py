"""The layout of a backup directory and its manifest (kansli-backup.json).

DIR/kansli-backup.json   written last: a directory without it is no backup
DIR/db.sqlite3           the database, one self-contained file (rollback journal mode)
DIR/media/...            the uploaded files, as under MEDIA_ROOT
"""

import datetime
import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

MANIFEST_NAME = "kansli-backup.json"
DATABASE_NAME = "db.sqlite3"
MEDIA_DIR = "media"
FORMAT = "kansli-backup"
VERSION = 1

POSTGRESQL = (
    "Databasen är PostgreSQL. Säkerhetskopiera den med pg_dump och återläs med pg_restore "
    "enligt docs/operations.md (avsnittet Säkerhetskopiering); backup och restore gäller SQLite."
)


class BackupError(Exception):
    """A refusal, with a Swedish message for the operator; nothing was changed."""


@dataclass
class Manifest:
    created: str
    database_sha256: str
    database_size: int
    tables: dict[str, int]
    media: dict[str, str]  # path under media/ (with "/") -> SHA-256
    missing_media: list[str] = field(default_factory=list)

    @classmethod
    def now(cls, **values: object) -> "Manifest":
        created = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        return cls(created=created, **values)  # type: ignore[arg-type]

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def write_manifest(directory: Path, manifest: Manifest) -> None:
    """Write the manifest atomically: it marks the backup as complete."""
    data = {"format": FORMAT, "version": VERSION, **asdict(manifest)}
    partial = directory / (MANIFEST_NAME + ".partial")
    partial.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    os.replace(partial, directory / MANIFEST_NAME)


def read_manifest(directory: Path) -> Manifest:
    not_a_backup = (
        f"{directory} är ingen säkerhetskopia från Kansli ({MANIFEST_NAME} saknas eller går "
        "inte att läsa). Inget har återlästs."
    )
    path = directory / MANIFEST_NAME
    if not path.is_file():
        raise BackupError(not_a_backup)
    try:
        data = json.loads(path.read_text())
        if data.pop("format") != FORMAT:
            raise ValueError
        if data.pop("version") != VERSION:
            raise BackupError(
                f"Säkerhetskopian i {directory} har version {VERSION} av formatet som den här "
                "versionen av Kansli inte kan läsa. Inget har återlästs."
            )
        manifest = Manifest(**data)
        if not (
            isinstance(manifest.tables, dict)
            and isinstance(manifest.media, dict)
            and isinstance(manifest.database_sha256, str)
        ):
            raise ValueError
    except BackupError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise BackupError(not_a_backup) from error
    return manifest


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def copy_hashed(source: Path, target: Path) -> str:
    """Copy a file, returning the SHA-256 of the bytes written (read once)."""
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as reader, target.open("xb") as writer:
        for chunk in iter(lambda: reader.read(1024 * 1024), b""):
            digest.update(chunk)
            writer.write(chunk)
    shutil.copystat(source, target)
    return digest.hexdigest()


def files_under(root: Path) -> list[str]:
    """Regular files under root (symbolic links are not followed), as sorted "a/b" paths."""
    if not root.is_dir():
        return []
    found = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in names:
            path = Path(directory, name)
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(root).as_posix())
    return sorted(found)
