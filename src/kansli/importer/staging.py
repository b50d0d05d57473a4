"""Uploaded files kept from the upload until the confirmed import.

The upload request only stores the files here, in chunks; the worker reads them for the
preview and, once the user confirms, for the import (importer.jobs). The files wait in
KANSLI_IMPORT_DIR (never served by URL) under a random token, for the user who uploaded them
only, and at most a day: every new upload sweeps older ones away.
"""

import datetime
import hashlib
import json
import re
import secrets
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

MAX_AGE = datetime.timedelta(days=1)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Staged:
    token: str
    encoding: str | None
    files: list[tuple[str, bytes]]


def _root() -> Path:
    return Path(settings.KANSLI_IMPORT_DIR)


def folder(token: str) -> Path:
    """Where the files staged under `token` are (the token is checked)."""
    if not _TOKEN.fullmatch(token):
        raise ValueError("not a staging token")
    return _root() / token


def stage(*, user_pk: int, files: list[tuple[str, Iterable[bytes]]], encoding: str | None) -> str:
    """Keep the files (each a name and its bytes in chunks) for `user_pk`; the token that
    finds them again. Written chunk by chunk: a file is never whole in memory."""
    sweep()
    token = secrets.token_urlsafe(24)
    folder = _root() / token
    folder.mkdir(parents=True, mode=0o700)
    entries = []
    for position, (name, chunks) in enumerate(files):
        stored = f"{position}.txt"
        digest = hashlib.sha256()
        with (folder / stored).open("wb") as handle:
            for chunk in chunks:
                digest.update(chunk)
                handle.write(chunk)
        entries.append({"name": name, "stored": stored, "sha256": digest.hexdigest()})
    manifest = {
        "user": user_pk,
        "encoding": encoding,
        "files": entries,
        "at": timezone.now().isoformat(),
    }
    (folder / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return token


def staged(*, user_pk: int, token: str) -> Staged | None:
    """The files staged under `token` by this user, unchanged; None when there are none."""
    if not _TOKEN.fullmatch(token):
        return None
    folder = _root() / token
    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        if manifest["user"] != user_pk or _expired(manifest["at"]):
            return None
        files = []
        for entry in manifest["files"]:
            data = (folder / entry["stored"]).read_bytes()
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                return None
            files.append((entry["name"], data))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Staged(token, manifest["encoding"], files)


def unstage(token: str) -> None:
    if _TOKEN.fullmatch(token):
        shutil.rmtree(_root() / token, ignore_errors=True)


def _expired(at: str) -> bool:
    return timezone.now() - datetime.datetime.fromisoformat(at) > MAX_AGE


def sweep() -> None:
    """Remove what was staged more than a day ago (and anything unreadable)."""
    root = _root()
    if not root.exists():
        return
    for folder in root.iterdir():
        try:
            manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
            old = _expired(manifest["at"])
        except (OSError, ValueError, KeyError, TypeError):
            old = _is_old_file(folder)
        if old:
            shutil.rmtree(folder, ignore_errors=True)


def _is_old_file(path: Path) -> bool:
    """An entry without a readable manifest: removed once it is a day old (it may be an
    upload being written right now)."""
    try:
        modified = datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC)
    except OSError:
        return False
    return timezone.now() - modified > MAX_AGE
