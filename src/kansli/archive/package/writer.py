"""One `Submission` → one E-ARK SIP 2.1 (FGS 2.0) as a directory.

Layout of `<target_parent>/<package_id>/`::

    METS.xml                               package METS (CSIP + SIP profile)
    metadata/descriptive/erms.xml          CITS ERMS v3: the case, its documents, its meetings
    metadata/preservation/premis.xml       PREMIS 3: one object per file, the event, the agents
    schemas/ERMS_v3.xsd, premis-v3-0.xsd   the schemas of the two metadata files
    documentation/paketbeskrivning.txt     the package described in Swedish, for a human
    representations/rep1/METS.xml          representation METS
    representations/rep1/data/<file name>  the documents' files

The representation METS points back to the package's metadata, documentation and schemas
with relative `../../` links instead of copying them: the CSIP 2.1.0 Schematron rules that
`validate` runs on every METS require Documentation/Schemas/Metadata in each, and one copy
of each file keeps the package unambiguous.

The package is written into the hidden sibling `.<package_id>.partial` and renamed into place
only when every file is written and synced; any error removes the partial directory.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from .erms import build_erms
from .layout import (
    CASE_SHEET_PATH,
    CHUNK,
    DATA_DIR,
    DOCUMENTATION_PATH,
    ERMS_PATH,
    FSYNC_WORKERS,
    PREMIS_PATH,
    REPRESENTATION,
    SAFE_NAME,
    SCHEMA_FILES,
    PackageError,
    StoredFile,
)
from .mets import MetsDocument
from .model import (
    ArchiveCase,
    ArchiveDocument,
    ArchiveFile,
    Submission,
)
from .premis import build_premis
from .texts import case_sheet_text, documentation_text
from .xml import (
    clean,
)

__all__ = ["PackageError", "write_package"]


def write_package(submission: Submission, target_parent: Path) -> Path:
    """Write `submission` as `target_parent/<package_id>/` and return that path."""
    package_id = submission.package_id
    if not SAFE_NAME.fullmatch(package_id):
        raise PackageError(
            f"Paketidentiteten {clean(package_id)!r} får bara innehålla bokstäverna A–Z, "
            "siffror, punkt, bindestreck och understreck."
        )
    _check_files(submission.case)
    target_parent = Path(target_parent)
    target_parent.mkdir(parents=True, exist_ok=True)
    target = target_parent / package_id
    if target.exists():
        raise PackageError(f"Paketet {package_id} finns redan.")
    partial = target_parent / f".{package_id}.partial"
    if partial.exists():  # left by an export that died: it never became a package
        shutil.rmtree(partial)
    partial.mkdir(parents=False)
    try:
        _write_into(submission, partial)
        _fsync_tree(partial)
        if target.exists():
            raise PackageError(f"Paketet {package_id} finns redan.")
        os.rename(partial, target)
        _fsync_path(target_parent)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


# ---------------------------------------------------------------------------- the files


def _check_files(case: ArchiveCase) -> None:
    names: set[str] = set()
    for doc in case.documents:
        if doc.file is None:
            continue
        name = doc.file.name
        if not SAFE_NAME.fullmatch(name):
            raise PackageError(
                f"Handling {clean(doc.identifier)}: filnamnet {clean(name)!r} får bara innehålla "
                "bokstäverna A–Z, siffror, punkt, bindestreck och understreck."
            )
        if name in names:
            raise PackageError(
                f"Handling {clean(doc.identifier)}: filnamnet {name} används redan i ärendet."
            )
        names.add(name)


def _copy_checked(doc: ArchiveDocument, file: ArchiveFile, target: Path) -> tuple[int, str]:
    """Copy the file's bytes, hashing them on the way; refuse bytes that are not the
    registered ones."""
    digest = hashlib.sha256()
    size = 0
    try:
        src = open(file.source, "rb")  # noqa: SIM115 - closed below, with dst
    except FileNotFoundError:
        raise PackageError(f"Handling {clean(doc.identifier)}: filen saknas.") from None
    except OSError as error:
        raise PackageError(
            f"Handling {clean(doc.identifier)}: filen kan inte läsas ({error.strerror})."
        ) from None
    with src, open(target, "xb") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            dst.write(chunk)
    sha256 = digest.hexdigest()
    if size != file.size:
        raise PackageError(
            f"Handling {clean(doc.identifier)}: filens storlek stämmer inte med den registrerade "
            f"(registrerad {file.size} byte, funnen {size} byte). Filen kan ha ändrats."
        )
    if sha256 != file.sha256.strip().lower():
        raise PackageError(
            f"Handling {clean(doc.identifier)}: filens kontrollsumma stämmer inte med den "
            "registrerade. Filen kan ha ändrats."
        )
    return size, sha256


def _write_bytes(root: Path, rel: str, data: bytes, mime: str, created: datetime) -> StoredFile:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as f:
        f.write(data)
    return StoredFile(rel, len(data), hashlib.sha256(data).hexdigest(), mime, created)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Every file, then every directory of the package on disk before it is renamed into
    place. The files are synced side by side (fsync waits for the disk, not the processor),
    which costs a fraction of syncing each as it is written."""
    files: list[Path] = []
    directories: list[Path] = []
    for dirpath, _dirs, names in os.walk(root):
        directories.append(Path(dirpath))
        files.extend(Path(dirpath) / name for name in names)
    with ThreadPoolExecutor(max_workers=FSYNC_WORKERS) as pool:
        list(pool.map(_fsync_path, files))
        list(pool.map(_fsync_path, directories))


def _write_into(sub: Submission, root: Path) -> None:
    created = sub.created
    case = sub.case
    data_files: dict[str, StoredFile] = {}  # document identifier → its file
    docs = sorted(case.documents, key=lambda d: d.sequence)
    (root / DATA_DIR).mkdir(parents=True)
    for doc in docs:
        if doc.file is None:
            continue
        rel = f"{DATA_DIR}/{doc.file.name}"
        size, sha256 = _copy_checked(doc, doc.file, root / rel)
        data_files[doc.identifier] = StoredFile(
            rel, size, sha256, doc.file.mime_type, doc.registered_at
        )

    # The case sheet (diarieblad) is always the representation's first file, so that a case
    # whose documents have no files (or whose files were disposed of) is still a package with
    # content: the register entries themselves, readable without any software.
    sheet = _write_bytes(
        root, CASE_SHEET_PATH, case_sheet_text(sub, data_files).encode(), "text/plain", created
    )
    schemas = [
        _write_bytes(root, rel, src.read_bytes(), "application/xml", created)
        for rel, src in SCHEMA_FILES
    ]
    documentation = _write_bytes(
        root,
        DOCUMENTATION_PATH,
        documentation_text(sub, data_files).encode(),
        "text/plain",
        created,
    )
    erms = _write_bytes(root, ERMS_PATH, build_erms(sub, data_files), "application/xml", created)
    premis = _write_bytes(
        root, PREMIS_PATH, build_premis(sub, docs, data_files, sheet), "application/xml", created
    )
    rep = MetsDocument(sub, prefix=f"{REPRESENTATION}-", up="../../", objid=REPRESENTATION)
    rep_bytes = rep.build(
        erms,
        premis,
        [documentation],
        schemas,
        [sheet, *(data_files[d.identifier] for d in docs if d.identifier in data_files)],
    )
    rep_mets: StoredFile | None = _write_bytes(
        root,
        f"representations/{REPRESENTATION}/METS.xml",
        rep_bytes,
        "application/xml",
        created,
    )
    package = MetsDocument(sub, prefix="", up="", objid=sub.package_id)
    _write_bytes(
        root,
        "METS.xml",
        package.build(erms, premis, [documentation], schemas, [], rep_mets),
        "application/xml",
        created,
    )
